package dev.tollgate.stages;

import dev.tollgate.spec.NotifySpec;

/**
 * What every {@link PipelineEvent} has: the run it is about, its one-line message, and where it
 * goes.
 *
 * @param message the line people read first (Slack's fallback text, the log)
 * @param route where the run's spec wants it sent ({@code notify:}); {@code null} = the worker's
 *     defaults (events of rollbacks by hand, and runs recorded before routes)
 * @param seq the event's number within its run (1, 2, ...): with the run id, the key that makes a
 *     retried delivery a no-op; 0 for events without one
 */
public record EventHeader(
    String model, String runId, String workflowId, String message, NotifySpec route, int seq) {

  /** An event with no route and no number (the worker's defaults apply). */
  public EventHeader(String model, String runId, String workflowId, String message) {
    this(model, runId, workflowId, message, null, 0);
  }

  /** The same event sent elsewhere (tests, a sink that reroutes). */
  public EventHeader withRoute(NotifySpec other) {
    return new EventHeader(model, runId, workflowId, message, other, seq);
  }
}
