package dev.tollgate.stages;

/**
 * A run began.
 *
 * @param trigger what kind of trigger started it, by its spec name ("manual", "schedule", "drift")
 * @param triggeredBy who or what started it (a user name, "schedule"); may be {@code null}
 * @param reason why, as they said it; "" when they did not
 */
public record RunStarted(EventHeader header, String trigger, String triggeredBy, String reason)
    implements PipelineEvent {

  @Override
  public Kind kind() {
    return Kind.RUN_STARTED;
  }
}
