package dev.tollgate.cli.run;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Failures;
import dev.tollgate.cli.common.KnownFailures;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.cli.common.Version;
import dev.tollgate.cli.common.Workflows;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.stages.TrainProgress;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tollgate status RUN}: where a run is, or how it ended. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Show where a run is, or how it ended.",
      "Prints the stage, the finished stages with their timings, the metrics, a progress bar"
          + " (trees built) while the run trains, the canary (version, share, bake end) while one"
          + " bakes and, while the run waits for approval, who is asked, since when and until when. Once validation ran: the boxed validation summary"
          + " (every check with its value and threshold, the metrics against Production) and"
          + " where the JSON and HTML reports are."
    })
public final class StatusCommand extends CliCommand {

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Parameters(
      paramLabel = "RUN",
      description =
          "The run: <model>/<run-id> (e.g. energy-load/20261122-101845-a3f9) or its"
              + " full workflow ID pipeline/<model>/<run-id>.")
  String run;

  /** The running workflow answers through a worker: none polling means no answer. */
  private PipelineStatus query(TemporalConnection temporal) {
    String workflowId = RunName.workflowId(run);
    try {
      return temporal.client().newWorkflowStub(PipelineWorkflow.class, workflowId).status();
    } catch (WorkflowException e) {
      if (TemporalConnection.isUnreachable(e) || KnownFailures.isUnreadablePayload(e)) throw e;
      throw new CliFailure(
          ExitCodes.NOT_DONE,
          workflowId
              + " is running, but no worker answered its status query ("
              + Failures.describe(e)
              + "). Is a worker running against "
              + connection.address
              + "? Start one with `tollgate worker --address "
              + connection.address
              + "`.",
          e);
    }
  }

  /** A closed run's outcome from its status query, or {@code null} (no worker, an older run). */
  private PipelineResult endedWithoutResult(TemporalConnection temporal) {
    try {
      PipelineStatus s =
          temporal
              .client()
              .newWorkflowStub(PipelineWorkflow.class, RunName.workflowId(run))
              .status();
      return s == null ? null : s.asResult();
    } catch (WorkflowException e) {
      if (TemporalConnection.isUnreachable(e)) throw e;
      return null;
    }
  }

  private static int withoutResult(
      PrintWriter out, String workflowId, WorkflowExecutionStatus state) {
    out.println(workflowId);
    out.println("  the workflow ended without a result: " + Workflows.stateName(state));
    out.flush();
    return ExitCodes.NOT_DONE;
  }

  @Override
  protected int execute() {
    PrintWriter out = out();
    String workflowId = RunName.workflowId(run);
    try (TemporalConnection temporal = TemporalConnection.open(connection)) {
      StatusPrinter printer = new StatusPrinter(out, System.currentTimeMillis());
      try {
        WorkflowStub stub =
            temporal
                .client()
                .newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty());
        WorkflowExecutionDescription description = stub.describe();
        WorkflowExecutionStatus state = description.getStatus();
        switch (state) {
          case WORKFLOW_EXECUTION_STATUS_RUNNING -> {
            PipelineStatus status = query(temporal);
            TrainProgress training =
                status.stage() != Stage.TRAINING
                    ? null
                    : TrainingProgress.of(
                            description.getRawDescription(),
                            temporal.client().getOptions().getDataConverter())
                        .orElse(null);
            String waiting =
                status.stage() != Stage.TRAINING
                    ? null
                    : TrainingWait.of(description.getRawDescription(), System.currentTimeMillis())
                        .orElse(null);
            printer.print(workflowId, status, training, waiting);
          }
          case WORKFLOW_EXECUTION_STATUS_COMPLETED ->
              printer.print(workflowId, stub.getResult(PipelineResult.class));
          case WORKFLOW_EXECUTION_STATUS_CANCELED -> {
            // A cancel sent to Temporal closes the execution without a result; since the marker
            // cancel-outcome the run still ended CANCELLED, and its status query says so.
            PipelineResult ended = endedWithoutResult(temporal);
            if (ended == null) return withoutResult(out, workflowId, state);
            printer.print(workflowId, ended);
            out.println("  (Temporal shows the execution as canceled: it was sent a cancel)");
          }
          default -> {
            return withoutResult(out, workflowId, state);
          }
        }
        return ExitCodes.OK;
      } catch (WorkflowNotFoundException e) {
        throw Workflows.notFound(workflowId, connection);
      } catch (RuntimeException e) {
        throw TemporalConnection.isUnreachable(e)
            ? TemporalConnection.unreachable(connection, e)
            : e;
      }
    }
  }
}
