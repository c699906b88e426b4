package dev.tollgate.cli.approval;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Failures;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.cli.common.Version;
import dev.tollgate.pipeline.CancelRecord;
import dev.tollgate.pipeline.CancelRequest;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.policy.PolicyAction;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tollgate cancel RUN --by NAME --reason TEXT}: stop a run, with who and why. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Cancel a pipeline run, saying who and why.",
      "The worker's approval policy says who may (its actions.cancel list, else its approvers)."
          + " The run stops at its next safe point: training, validation, the approval wait and a"
          + " canary's bake stop at once; a deploy or smoke test in flight finishes first, and then"
          + " the version it replaced serves again. Its candidate is archived (reason cancelled)"
          + " and the run ends CANCELLED, with its FINISHED event.",
      "Guardians and rollbacks are not cancelled here: `tollgate schedule disable MODEL` ends a"
          + " guardian (its runs go on, each cancellable by its own id); a rollback is short and"
          + " is itself the undo (roll back again with --to to change your mind)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Cancelled: the run ended CANCELLED (with --no-wait: it accepted the cancel).",
      "1:Refused (by the approval policy, or the run has ended), or too late to change the outcome.",
      "2:Bad option, or not a pipeline run.",
      "3:Temporal unreachable."
    })
public final class CancelCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin ActorOptions actor = new ActorOptions();

  @Mixin WorkerWait workerWait = new WorkerWait();

  @Mixin RunArgument run = new RunArgument();

  @Mixin ReasonOption reason = new ReasonOption();

  @Option(
      names = "--no-wait",
      description =
          "Return once the run has accepted the cancel, without waiting for its clean-up.")
  boolean noWait;

  @Override
  protected int execute() {
    String workflowId = CancelTarget.workflowId(run.name());
    ActionIdentity who =
        ActionIdentity.of(
            actor,
            PolicyAction.CANCEL,
            CancelTarget.model(workflowId),
            CancelRequest.detail(workflowId));
    try (TemporalConnection temporal = TemporalConnection.open(connection)) {
      PipelineWorkflow workflow =
          temporal.client().newWorkflowStub(PipelineWorkflow.class, workflowId);
      // The cancel Update's policy check runs on a worker: with none polling it would hang.
      WorkerPresence.require(temporal.client(), workflowId, workerWait.orZero(), connection);
      CancelRecord answer =
          send(workflow, workflowId, new CancelRequest(who.by(), reason.text(), who.voucher()));
      out()
          .println(
              "Cancelling " + workflowId + " " + answer.describe() + " (" + answer.note() + ")");
      if (noWait) {
        out()
            .println("  follow it with: tollgate status " + run.name() + connection.flagsForCopy());
        return ExitCodes.OK;
      }
      out().flush();
      return CancelTarget.awaitEnd(out(), workflow, run.name() + connection.flagsForCopy());
    } catch (RuntimeException e) {
      if (TemporalConnection.isUnreachable(e)) throw TemporalConnection.unreachable(connection, e);
      throw e;
    }
  }

  /** The {@code cancel} Update; a refusal (validator or policy) exits 1 with its reason. */
  private static CancelRecord send(
      PipelineWorkflow workflow, String workflowId, CancelRequest request) {
    CancelRecord answer;
    try {
      answer = workflow.cancel(request);
    } catch (WorkflowUpdateException e) {
      throw refused(workflowId, Failures.describe(e.getCause() == null ? e : e.getCause()), e);
    } catch (WorkflowNotFoundException e) {
      throw notRunning(workflowId, e);
    } catch (RuntimeException e) {
      if (notFound(e)) throw notRunning(workflowId, e);
      throw e;
    }
    if (!answer.accepted()) throw refused(workflowId, answer.note(), null);
    return answer;
  }

  private static CliFailure refused(String workflowId, String why, Exception e) {
    return new CliFailure(ExitCodes.NOT_DONE, "refused by " + workflowId + ": " + why, e);
  }

  private static CliFailure notRunning(String workflowId, RuntimeException e) {
    return new CliFailure(
        ExitCodes.NOT_DONE,
        "no running pipeline "
            + workflowId
            + " to cancel: it does not exist here or has ended (`tollgate status` tells which).",
        e);
  }

  private static boolean notFound(Throwable e) {
    for (Throwable c = e; c != null && c != c.getCause(); c = c.getCause()) {
      if (c instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND)
        return true;
    }
    return false;
  }
}
