package dev.tollgate.guardian;

import dev.tollgate.pipeline.SearchAttributes;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.DataInspection;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A time-skipping environment from {@code start} with the guardian, a {@link StubPipeline} and a
 * data check that answers what {@code inspection} says for the current (skipped) time.
 */
final class GuardianFixture implements AutoCloseable {
  static final String SPEC =
      """
      model: %s
      data:
        train: file:/data/load.csv
        target: load
        features: [temperature, humidity]
      training:
        algorithm: gradient_boosting
      approval:
        approvers: [alice]
      schedule:
      %s
      """;

  final TestWorkflowEnvironment env;

  /** The worker's approval policy: the built-in default unless a test sets one. */
  final dev.tollgate.policy.FixedPolicies policies = new dev.tollgate.policy.FixedPolicies();

  final long start;

  GuardianFixture(Instant start, LongFunction<DataInspection> inspection) {
    this.start = start.toEpochMilli();
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setInitialTime(start).build());
    SearchAttributes.ALL.forEach(k -> env.registerSearchAttribute(k.getName(), k.getValueType()));
    Worker worker = env.newWorker(TaskQueues.PIPELINE);
    worker.registerWorkflowImplementationTypes(GuardianWorkflowImpl.class, StubPipeline.class);
    worker.registerActivitiesImplementations(new ScriptedCheck(env, inspection), policies);
    StubPipeline.STARTED.clear();
    env.start();
  }

  /** The data check of the tests: the answer for the current time. */
  static final class ScriptedCheck implements GuardianActivities {
    private final TestWorkflowEnvironment env;
    private final LongFunction<DataInspection> answer;

    ScriptedCheck(TestWorkflowEnvironment env, LongFunction<DataInspection> answer) {
      this.env = env;
      this.answer = answer;
    }

    @Override
    public DataInspection inspect(InspectRequest request) {
      return answer.apply(env.currentTimeMillis());
    }
  }

  static PipelineSpec spec(String model, String schedule) {
    String indented = "  " + schedule.strip().replace("\n", "\n  ");
    return SpecParser.parse(SPEC.formatted(model, indented), model + ".yaml", Path.of("/"));
  }

  WorkflowStub startGuardian(PipelineSpec spec, int historyLimit) {
    GuardianWorkflow guardian =
        env.getWorkflowClient()
            .newWorkflowStub(
                GuardianWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TaskQueues.PIPELINE)
                    .setWorkflowId(WorkflowIds.guardian(spec.model()))
                    .build());
    WorkflowClient.start(guardian::run, new GuardianRequest(spec, null, historyLimit));
    return WorkflowStub.fromTyped(guardian);
  }

  GuardianWorkflow typed(String model) {
    return env.getWorkflowClient()
        .newWorkflowStub(GuardianWorkflow.class, WorkflowIds.guardian(model));
  }

  GuardianStatus status(String model) {
    return typed(model).status();
  }

  /**
   * The guardian once it has run its first task. Until then its {@code control} Update's validator
   * refuses ("the guardian has not started yet"), so a test that sends one right after {@link
   * #startGuardian} raced the worker.
   */
  GuardianWorkflow awaitStarted(String model) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      try {
        if (status(model) != null) return typed(model);
      } catch (RuntimeException notYet) {
        // a query before the first task may fail: ask again
      }
      Thread.sleep(50);
    }
    throw new AssertionError("guardian " + model + " did not start within 10 s");
  }

  /** Started run ids with {@code prefix}, sorted. */
  static List<String> started(String prefix) {
    return StubPipeline.STARTED.keySet().stream()
        .filter(id -> id.startsWith(prefix))
        .sorted()
        .toList();
  }

  /** A check that saw nothing: share 0, as many rows as Production. */
  static DataInspection calm(long now) {
    return new DataInspection(
        "file:/data/load.csv",
        1,
        null,
        0.0,
        List.of(new DataInspection.Feature("temperature", "psi", 0.01, false)),
        1000,
        1000L,
        Instant.ofEpochMilli(now).toString(),
        null);
  }

  /** A check that saw temperature and humidity drift: share 1. */
  static DataInspection spike(long now) {
    return new DataInspection(
        "file:/data/load.csv",
        1,
        null,
        1.0,
        List.of(
            new DataInspection.Feature("temperature", "psi", 0.8, true),
            new DataInspection.Feature("humidity", "psi", 0.4, true)),
        1000,
        1000L,
        Instant.ofEpochMilli(now).toString(),
        null);
  }

  @Override
  public void close() {
    env.close();
  }
}
