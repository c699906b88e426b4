package dev.tollgate.registry;

import dev.tollgate.actions.ActionGate;
import dev.tollgate.pipeline.StageOptions;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.stages.AliasRequest;
import dev.tollgate.stages.ModelRecord;
import dev.tollgate.stages.RegistryActivities;
import io.temporal.workflow.Workflow;
import java.util.List;

/** One registry call; the answer is the model records it concerns. */
public class RegistryWorkflowImpl implements RegistryWorkflow {
  private final RegistryActivities registry =
      Workflow.newActivityStub(RegistryActivities.class, StageOptions.registry());

  @Override
  public List<ModelRecord> run(RegistryRequest r) {
    return switch (r.kind()) {
      case LIST -> registry.listModels();
      case SHOW -> List.of(registry.describeModel(r.model()));
      case ALIAS -> {
        ActionGate.authorise(
            PolicyAction.ALIAS,
            r.model(),
            r.by(),
            RegistryRequest.aliasDetail(r.alias(), r.version()),
            r.voucher());
        registry.setAlias(new AliasRequest(r.model(), r.alias(), r.version(), r.by()));
        yield List.of(registry.describeModel(r.model()));
      }
    };
  }
}
