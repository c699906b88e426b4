package dev.tollgate.stages;

/**
 * Someone approved or rejected a candidate.
 *
 * @param comment what they said; "" when nothing
 * @param via how the decision came ("update", "signal", "slack", "timeout"), or {@code null}
 */
public record ApprovalDecided(
    EventHeader header, String decidedBy, boolean approved, String comment, String via)
    implements PipelineEvent {

  @Override
  public Kind kind() {
    return Kind.DECIDED;
  }
}
