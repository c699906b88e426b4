package dev.tollgate.stages;

import java.util.Map;

/**
 * Something people should hear about.
 *
 * @param kind what happened (approval requested, reminder, finished)
 * @param fields the figures that go with it (outcome, version, metrics, who decided)
 */
public record PipelineEvent(
    Kind kind,
    String model,
    String runId,
    String workflowId,
    String message,
    Map<String, String> fields) {

  public PipelineEvent {
    fields = Map.copyOf(fields);
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
