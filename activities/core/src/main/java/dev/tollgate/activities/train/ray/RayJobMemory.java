package dev.tollgate.activities.train.ray;

import java.util.Optional;

/**
 * Where a train attempt keeps the Ray job it follows, so that the next attempt finds it (the train
 * activity's heartbeat details: docs/wip/i26-protocol.md, "Submission id"). Free of Temporal types,
 * as {@code RunListener} is.
 */
public interface RayJobMemory {

  /**
   * @param session the cluster's session name when the job was submitted or adopted (a restarted
   *     head has another, and has forgotten every job)
   */
  record Ref(String submissionId, String session) {}

  /** The job the previous attempt followed, when it said; empty on a first attempt. */
  Optional<Ref> previous();

  /** Records the job this attempt follows, before it is submitted. */
  void following(Ref ref);

  /** Remembers nothing (tests, tools). */
  RayJobMemory NONE =
      new RayJobMemory() {
        @Override
        public Optional<Ref> previous() {
          return Optional.empty();
        }

        @Override
        public void following(Ref ref) {}
      };
}
