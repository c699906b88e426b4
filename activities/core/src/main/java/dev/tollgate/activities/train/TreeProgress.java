package dev.tollgate.activities.train;

/** Told as trees (or iterations) are built, so the heartbeat can say how far training got. */
@FunctionalInterface
public interface TreeProgress {
  TreeProgress NONE = (done, total) -> {};

  /** {@code done} of {@code total} built; may be called from any thread. */
  void built(int done, int total);
}
