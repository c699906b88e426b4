package dev.tollgate.cli.run;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Failures;
import dev.tollgate.cli.common.KnownFailures;
import dev.tollgate.cli.common.Show;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.StageRecord;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Follows a run until it ends: polls the {@code status()} query, prints each stage as it finishes
 * (and the training's progress while it trains) and hands the approval gate to a {@link Gate} once.
 * Shared by {@code demo} and {@code run --wait}.
 */
public final class StageFollower {
  /** What to do when the run starts waiting for approval (called once per run). */
  public interface Gate {
    void awaiting(PipelineStatus status);
  }

  private final PrintWriter out;
  private final Duration pollEvery;
  private final ProgressLines progress;
  private int printed;

  public StageFollower(PrintWriter out, Duration pollEvery, WorkflowClient client) {
    this.out = out;
    this.pollEvery = pollEvery;
    this.progress = new ProgressLines(out, client.getOptions().getDataConverter());
  }

  /** Blocks until the run ends and returns its result; the stages are printed on the way. */
  public PipelineResult follow(PipelineWorkflow workflow, Gate gate) {
    CompletableFuture<PipelineResult> result =
        WorkflowStub.fromTyped(workflow).getResultAsync(PipelineResult.class);
    boolean gateSeen = false;
    while (!result.isDone()) {
      PipelineStatus status = query(workflow);
      if (status != null) {
        printNew(status.history());
        progress.look(workflow, status);
        if (!gateSeen && status.approval() != null) {
          gateSeen = true;
          gate.awaiting(status);
        }
      }
      try {
        result.get(pollEvery.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        // poll again
      } catch (ExecutionException ended) {
        break; // reported by result() below
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliFailure(ExitCodes.NOT_DONE, "interrupted while following the run");
      }
    }
    PipelineResult finished = result(result, workflow);
    printNew(finished.stages());
    return finished;
  }

  private void printNew(List<StageRecord> history) {
    if (history == null) return;
    for (; printed < history.size(); printed++) out.println(Show.stage(history.get(printed)));
    out.flush();
  }

  /** The status, or null while the workflow cannot answer yet (e.g. before its first task). */
  private static PipelineStatus query(PipelineWorkflow workflow) {
    try {
      return workflow.status();
    } catch (RuntimeException e) {
      // not answering yet (before its first task) is fine; data it cannot decrypt never will be
      if (TemporalConnection.isUnreachable(e) || KnownFailures.isUnreadablePayload(e)) throw e;
      return null;
    }
  }

  /**
   * The run's result; for a run a cancel sent to Temporal closed as Canceled (no result), the
   * outcome its status query holds, when it has one (since the marker cancel-outcome).
   */
  private static PipelineResult result(
      CompletableFuture<PipelineResult> result, PipelineWorkflow workflow) {
    try {
      return result.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (KnownFailures.isUnreadablePayload(cause) && cause instanceof RuntimeException r) throw r;
      PipelineStatus ended = query(workflow);
      if (ended != null && ended.asResult() != null) return ended.asResult();
      throw new CliFailure(
          ExitCodes.NOT_DONE, "the run ended without a result: " + Failures.describe(cause), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.NOT_DONE, "interrupted while waiting for the result");
    }
  }
}
