package dev.tollgate.stages;

import dev.tollgate.spec.NotifySpec;
import java.util.Map;

/**
 * Something people should hear about.
 *
 * @param kind what happened (approval requested, reminder, finished)
 * @param fields the figures that go with it (outcome, version, metrics, who decided)
 * @param route where the run's spec wants it sent ({@code notify:}); {@code null} = the worker's
 *     defaults (events of rollbacks by hand, and runs recorded before routes)
 * @param seq the event's number within its run (1, 2, ...): with the run id, the key that makes a
 *     retried delivery a no-op; 0 for events without one
 */
public record PipelineEvent(
    Kind kind,
    String model,
    String runId,
    String workflowId,
    String message,
    Map<String, String> fields,
    NotifySpec route,
    int seq) {

  public PipelineEvent {
    fields = Map.copyOf(fields);
  }

  /** An event with no route and no number (the worker's defaults apply). */
  public PipelineEvent(
      Kind kind,
      String model,
      String runId,
      String workflowId,
      String message,
      Map<String, String> fields) {
    this(kind, model, runId, workflowId, message, fields, null, 0);
  }

  /** The events a pipeline emits. */
  public enum Kind {
    /** a run began (who or what started it) */
    RUN_STARTED,
    APPROVAL_REQUESTED,
    APPROVAL_REMINDER,
    /** more approvers were asked ({@code approval.escalate}) */
    APPROVAL_ESCALATED,
    /** someone approved or rejected */
    DECIDED,
    FINISHED,
    /** a rollback by hand ({@code tollgate rollback}) ended, restored or not */
    ROLLED_BACK
  }
}
