package dev.tollgate.stages;

/**
 * A rollback by hand ({@code tollgate rollback}) ended.
 *
 * @param fromVersion the version that served before
 * @param toVersion the version it rolled back to
 * @param restored whether {@code toVersion} serves now; false: it failed its smoke test and {@code
 *     fromVersion} serves still
 */
public record RollbackFinished(
    EventHeader header, int fromVersion, int toVersion, boolean restored, String by, String reason)
    implements PipelineEvent {

  @Override
  public Kind kind() {
    return Kind.ROLLED_BACK;
  }
}
