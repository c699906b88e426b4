package dev.tollgate.stages;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A run began.
 *
 * @param trigger what kind of trigger started it, by its spec name ("manual", "schedule", "drift")
 * @param triggeredBy who or what started it (a user name, "schedule"); may be {@code null}
 * @param reason why, as they said it; "" when they did not
 * @param commit the commit the run was started from ({@code run --git}), else {@code null}
 */
public record RunStarted(
    EventHeader header,
    String trigger,
    String triggeredBy,
    String reason,
    @JsonInclude(JsonInclude.Include.NON_NULL) CommitLineage commit)
    implements PipelineEvent {

  /** A run without a commit. */
  public RunStarted(EventHeader header, String trigger, String triggeredBy, String reason) {
    this(header, trigger, triggeredBy, reason, null);
  }

  @Override
  public Kind kind() {
    return Kind.RUN_STARTED;
  }
}
