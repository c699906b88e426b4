package dev.tollgate.cli.models;

import dev.tollgate.cli.approval.ActionIdentity;
import dev.tollgate.cli.approval.ActorOptions;
import dev.tollgate.cli.approval.ReasonOption;
import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Failures;
import dev.tollgate.cli.common.ModelArgument;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.cli.common.Version;
import dev.tollgate.cli.run.PipelineStarter;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.rollback.RollbackResult;
import dev.tollgate.rollback.RollbackRun;
import dev.tollgate.rollback.RollbackWorkflow;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.RollbackRequest;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tollgate rollback MODEL [--to VERSION] --by NAME --reason TEXT}. */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Put an earlier version back into Production.",
      "It is deployed and smoke-tested, then the registry moves (champion, stages, audit rows). A failed smoke test restores what served.",
      "Runs as the workflow rollback/<model>, one at a time per model. Refused, naming why: a"
          + " name the worker's approval policy does not allow to roll back the model, a version"
          + " that does not exist, one that never served (never passed validation and a smoke"
          + " test), the one in Production."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Rolled back.",
      "1:Refused, or the target failed its smoke test.",
      "2:Bad option.",
      "3:Temporal unreachable."
    })
public final class RollbackCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin ActorOptions actor = new ActorOptions();

  @Mixin ModelArgument model = new ModelArgument();

  @Option(
      names = "--to",
      paramLabel = "VERSION",
      description = "The version to restore (default: the one Production replaced last).")
  Integer to;

  @Mixin ReasonOption reason = new ReasonOption();

  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description =
          "Deploy settings and smoke-test data to use (default: the spec the version was built with).")
  Path specFile;

  @Override
  protected int execute() throws Exception {
    model.checked();
    PipelineSpec spec = specFile == null ? null : SpecParser.parse(specFile);
    String runId = "rollback-" + PipelineStarter.newRunId();
    String id = WorkflowIds.rollback(model.name());
    RollbackRequest unsealed =
        new RollbackRequest(model.name(), to, runId, actor.by(), reason.text());
    ActionIdentity who =
        ActionIdentity.of(actor, PolicyAction.ROLLBACK, model.name(), RollbackRun.detail(unsealed));
    try (TemporalConnection temporal = TemporalConnection.open(connection)) {
      WorkflowClient client = temporal.client();
      RollbackWorkflow workflow =
          client.newWorkflowStub(
              RollbackWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId(id)
                  .setTaskQueue(TaskQueues.PIPELINE)
                  .setWorkflowIdReusePolicy(
                      WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                  .build());
      try {
        WorkflowClient.start(
            workflow::run,
            new RollbackRun(
                new RollbackRequest(model.name(), to, runId, who.by(), reason.text()),
                spec,
                who.voucher()));
      } catch (WorkflowExecutionAlreadyStarted e) {
        throw new CliFailure(
            ExitCodes.NOT_DONE,
            "a rollback of " + model.name() + " is in progress (" + id + "); wait for it to end");
      }
      out()
          .println(
              "Rolling back "
                  + model.name()
                  + (to == null ? "" : " to v" + to)
                  + " ("
                  + id
                  + ", run "
                  + runId
                  + ")");
      out().flush();
      RollbackResult result;
      try {
        result =
            WorkflowStub.fromTyped(workflow).getResult(15, TimeUnit.MINUTES, RollbackResult.class);
      } catch (WorkflowFailedException e) {
        throw new CliFailure(ExitCodes.NOT_DONE, Failures.describe(e), e);
      }
      out().println(result.headline());
      if (result.restored()) out().println("  " + result.message());
      return result.restored() ? ExitCodes.OK : ExitCodes.NOT_DONE;
    } catch (RuntimeException e) {
      if (TemporalConnection.isUnreachable(e)) throw TemporalConnection.unreachable(connection, e);
      throw e;
    }
  }
}
