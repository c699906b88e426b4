package dev.tollgate.cli.approval;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Failures;
import dev.tollgate.cli.run.RunName;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.stages.Outcome;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code tollgate cancel} acts on and how it reports the end: only pipeline runs (a guardian
 * is ended by {@code schedule disable}, a rollback is not stopped half-way), and the run's own
 * result once its clean-up is done.
 */
final class CancelTarget {
  /** Long enough for a deploy in flight to finish and the previous version to be put back. */
  static final Duration WAIT = Duration.ofMinutes(10);

  private CancelTarget() {}

  /** The pipeline run's workflow ID; a guardian's or a rollback's is a usage error saying why. */
  static String workflowId(String typed) {
    String id = typed.trim();
    if (id.startsWith(WorkflowIds.GUARDIAN_PREFIX)) {
      String model = id.substring(WorkflowIds.GUARDIAN_PREFIX.length());
      throw new CliFailure(
          ExitCodes.USAGE,
          id
              + " is a guardian, not a run: `tollgate schedule disable "
              + model
              + " --by NAME` ends it (the runs it started go on; cancel each by its own id)");
    }
    if (id.startsWith(WorkflowIds.ROLLBACK_PREFIX)) {
      throw new CliFailure(
          ExitCodes.USAGE,
          id
              + " is a rollback: it is not cancelled half-way (serving and the registry would"
              + " disagree); it ends within its deploy's timeout, and another `tollgate rollback"
              + " --to VERSION` undoes it");
    }
    return RunName.workflowId(id);
  }

  /** "energy-load" of "pipeline/energy-load/r3". */
  static String model(String workflowId) {
    String rest = workflowId.substring(WorkflowIds.PIPELINE_PREFIX.length());
    return rest.substring(0, rest.lastIndexOf('/'));
  }

  /**
   * Waits for the run's end and prints it; 0 when it ended CANCELLED, 1 when the cancel came too
   * late to change its outcome. A run that has not ended within {@link #WAIT} is still cleaning up:
   * said, with the command to follow it, and 0 (the cancel was accepted).
   */
  static int awaitEnd(PrintWriter out, PipelineWorkflow workflow, String follow) {
    PipelineResult r;
    try {
      r =
          WorkflowStub.fromTyped(workflow)
              .getResult(WAIT.toMinutes(), TimeUnit.MINUTES, PipelineResult.class);
    } catch (TimeoutException e) {
      out.println(
          "  not ended after "
              + WAIT.toMinutes()
              + " minutes (a deploy in flight finishes first): tollgate status "
              + follow);
      return ExitCodes.OK;
    } catch (WorkflowFailedException e) {
      // A cancel sent to Temporal as well: the execution closes as Canceled, without a result.
      out.println("  the execution ended " + Failures.describe(e) + ": tollgate status " + follow);
      return ExitCodes.OK;
    }
    out.println(r.headline());
    if (r.cancellation() != null) out.println("  " + r.cancellation().note());
    if (r.failure() != null && !r.failure().isBlank()) out.println("  cause: " + r.failure());
    return r.outcome() == Outcome.CANCELLED ? ExitCodes.OK : ExitCodes.NOT_DONE;
  }
}
