package dev.tollgate.benchmarks;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Map;

/**
 * train → validate → approve → deploy → notify, bare: the approval an Update with a validator (as
 * Tollgate's), waited on with the same 72 h timeout; no visibility, no audit, no events.
 */
@WorkflowInterface
public interface BareWorkflow {
  @WorkflowMethod
  String run(String model);

  @UpdateMethod
  String decide(String by);

  @UpdateValidatorMethod(updateName = "decide")
  void validateDecide(String by);

  final class Impl implements BareWorkflow {
    private final BareStages stages =
        Workflow.newActivityStub(
            BareStages.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build())
                .build());
    private boolean waiting;
    private String approvedBy;

    @Override
    public String run(String model) {
      Map<String, Double> metrics = stages.bareTrain(model);
      if (!stages.bareValidate(model, metrics)) return "VALIDATION_FAILED";
      waiting = true;
      boolean decided = Workflow.await(Duration.ofHours(72), () -> approvedBy != null);
      waiting = false;
      if (!decided) return "APPROVAL_TIMED_OUT";
      String where = stages.bareDeploy(model, 1);
      stages.bareNotify(model, "deployed to " + where + ", approved by " + approvedBy);
      return "DEPLOYED";
    }

    @Override
    public String decide(String by) {
      approvedBy = by;
      return by;
    }

    @Override
    public void validateDecide(String by) {
      if (!waiting) throw new IllegalArgumentException("no decision is awaited");
    }
  }
}
