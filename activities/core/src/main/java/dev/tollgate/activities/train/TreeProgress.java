package dev.tollgate.activities.train;

/** Told as trees (or iterations) are built, so the heartbeat can say how far training got. */
@FunctionalInterface
public interface TreeProgress {
  TreeProgress NONE = (done, total) -> {};

  /** {@code done} of {@code total} built; may be called from any thread. */
  void built(int done, int total);

  /**
   * Throws when the training should stop (its activity was cancelled, or timed out, or its worker
   * is shutting down): trainers call it after each tree, so a cancelled run's training ends within
   * a tree rather than at the end of the fit. May be called from any thread.
   */
  default void checkStopped() {}
}
