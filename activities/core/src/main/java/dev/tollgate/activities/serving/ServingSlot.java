package dev.tollgate.activities.serving;

/**
 * One model's serving state in a process: the routing it answers with, and the pointer whose
 * version failed to load (while it still fails). Changed only under the slot's lock.
 */
final class ServingSlot {
  /** A pointer whose version could not be loaded, why, and when it was last tried. */
  record Failed(ServingPointer pointer, LoadFailure failure, long triedAt) {}

  volatile Routing routing;
  volatile Failed failed;

  LoadFailure failure() {
    Failed f = failed;
    return f == null ? null : f.failure();
  }

  /** The next look tries a failed pointer again at once. */
  void retryNow() {
    Failed f = failed;
    if (f != null) failed = new Failed(f.pointer(), f.failure(), Long.MIN_VALUE / 2);
  }
}
