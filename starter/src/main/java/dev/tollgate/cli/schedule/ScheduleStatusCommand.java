package dev.tollgate.cli.schedule;

import static io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Failures;
import dev.tollgate.cli.common.ModelArgument;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.cli.common.Version;
import dev.tollgate.cli.run.RunOnServer;
import dev.tollgate.guardian.GuardianResult;
import dev.tollgate.guardian.GuardianStatus;
import dev.tollgate.guardian.GuardianWorkflow;
import dev.tollgate.pipeline.WorkflowIds;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code tollgate schedule status MODEL}: the server says first whether the guardian runs; only a
 * running one is queried (a closed one would answer from its replayed end as if it still ran), and
 * its run in flight is described on the server rather than taken from the guardian's memory.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Show the model's guardian: its state, next fires and triggers.",
      "Running: paused or not, next cron fires, the data checks' cadence and next check, the last"
          + " check's drift per feature, the run in flight as the server has it, the weekly budget"
          + " and the last triggers with their outcome.",
      "Ended: who disabled it and when (or how else it ended), what became of the run it left"
          + " going, and its last triggers.",
      "Exit code 0: running, paused or disabled; 1: no guardian, or it ended otherwise"
          + " (terminated, cancelled, failed, timed out)."
    })
final class ScheduleStatusCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin ModelArgument model = new ModelArgument();

  @Override
  protected int execute() {
    model.checked();
    try (TemporalConnection temporal = TemporalConnection.open(connection)) {
      GuardianExecution execution = GuardianExecution.describe(temporal, model.name());
      long now = System.currentTimeMillis();
      if (!execution.running()) {
        GuardianResult r = execution.result();
        String runLeft =
            r == null || r.runLeft() == null
                ? null
                : RunOnServer.describe(temporal, model.name(), r.runLeft(), now);
        new GuardianEndPrinter(out(), now).print(model.name(), execution, runLeft);
        // disabled (by a person, recorded) is a state like paused; any other end is a fault
        return r != null || execution.state() == WORKFLOW_EXECUTION_STATUS_COMPLETED
            ? ExitCodes.OK
            : ExitCodes.NOT_DONE;
      }
      GuardianStatus status = query(temporal);
      String inFlight =
          status.inFlightRunId() == null
              ? null
              : RunOnServer.describe(temporal, model.name(), status.inFlightRunId(), now);
      new GuardianStatusPrinter(out(), now).print(status, inFlight);
      return ExitCodes.OK;
    } catch (WorkflowNotFoundException e) {
      throw Guardians.notFound(model.name(), connection);
    } catch (RuntimeException e) {
      if (TemporalConnection.isUnreachable(e)) throw TemporalConnection.unreachable(connection, e);
      throw e;
    }
  }

  /** The running guardian answers through a worker: none polling means no answer. */
  private GuardianStatus query(TemporalConnection temporal) {
    String id = WorkflowIds.guardian(model.name());
    GuardianStatus status;
    try {
      status = temporal.client().newWorkflowStub(GuardianWorkflow.class, id).status();
    } catch (WorkflowException e) {
      if (TemporalConnection.isUnreachable(e)) throw e;
      throw new CliFailure(
          ExitCodes.NOT_DONE,
          id
              + " is running, but no worker answered its status query ("
              + Failures.describe(e)
              + "). Is `tollgate worker` running against "
              + connection.address
              + "?",
          e);
    }
    if (status == null) {
      throw new CliFailure(ExitCodes.NOT_DONE, id + " has not started yet: is a worker running?");
    }
    return status;
  }
}
