package dev.tollgate.stages;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.tollgate.spec.NotifySpec;

/**
 * Something people should hear about: one record per kind, each with the figures of its kind typed
 * (versions as numbers, the outcome as an {@link Outcome}, stage times as durations). The workflow
 * builds them and hands them to the notify activity; every sink (the events file, metrics, Slack, a
 * webhook) reads the record it gets. The events file and the webhook still write the flat {@code
 * fields} map of strings they always did (activities' {@code EventFields}).
 *
 * <p>It crosses Temporal as an activity argument: the JSON carries {@code "kind"} (the {@link
 * Kind}'s name) so the converter knows which record to read back.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = RunStarted.class, name = "RUN_STARTED"),
  @JsonSubTypes.Type(value = ApprovalRequested.class, name = "APPROVAL_REQUESTED"),
  @JsonSubTypes.Type(value = ApprovalReminder.class, name = "APPROVAL_REMINDER"),
  @JsonSubTypes.Type(value = ApprovalEscalated.class, name = "APPROVAL_ESCALATED"),
  @JsonSubTypes.Type(value = ApprovalDecided.class, name = "DECIDED"),
  @JsonSubTypes.Type(value = RunFinished.class, name = "FINISHED"),
  @JsonSubTypes.Type(value = RollbackFinished.class, name = "ROLLED_BACK")
})
public sealed interface PipelineEvent
    permits RunStarted,
        ApprovalRequested,
        ApprovalReminder,
        ApprovalEscalated,
        ApprovalDecided,
        RunFinished,
        RollbackFinished {

  /** Which run, in words, and where it goes: what every event has. */
  EventHeader header();

  /** What happened: the name webhooks and the events file carry. */
  Kind kind();

  default String model() {
    return header().model();
  }

  default String runId() {
    return header().runId();
  }

  default String workflowId() {
    return header().workflowId();
  }

  default String message() {
    return header().message();
  }

  /** Where the run's spec wants it sent; {@code null} = the worker's defaults. */
  default NotifySpec route() {
    return header().route();
  }

  /** The event's number in its run (1, 2, ...); 0 for events without one. */
  default int seq() {
    return header().seq();
  }

  /** The events a pipeline emits (their names in the events file and a webhook's body). */
  enum Kind {
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
