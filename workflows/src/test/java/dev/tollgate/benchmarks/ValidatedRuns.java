package dev.tollgate.benchmarks;

import io.temporal.activity.Activity;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells the harness's approver when a run has been validated, the stage both shapes run just before
 * their approval gate: the approver then sends its Update, as a person approves once asked. A first
 * version of the harness sent Updates every millisecond from the start until the validator took
 * one; each refused Update costs a workflow task, so that charged whichever shape reached its gate
 * later for waiting.
 */
final class ValidatedRuns {
  private static final ConcurrentHashMap<String, CompletableFuture<Void>> RUNS =
      new ConcurrentHashMap<>();

  private ValidatedRuns() {}

  /** Called by the validate stage of either shape, in its activity. */
  static void validated() {
    future(Activity.getExecutionContext().getInfo().getWorkflowId()).complete(null);
  }

  static void await(String workflowId) throws InterruptedException {
    try {
      future(workflowId).get(1, TimeUnit.MINUTES);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(workflowId + " was not validated within a minute", e);
    } finally {
      RUNS.remove(workflowId);
    }
  }

  private static CompletableFuture<Void> future(String workflowId) {
    return RUNS.computeIfAbsent(workflowId, id -> new CompletableFuture<>());
  }
}
