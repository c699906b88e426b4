package dev.tollgate.worker.github;

import dev.tollgate.github.GitHubDelivery;

/** Where an accepted delivery is recorded, once: a Temporal workflow in the worker. */
interface DeliveryRecorder {
  /** The recorder cannot be reached now (Temporal down): GitHub is answered 503 and may retry. */
  final class Unavailable extends Exception {
    Unavailable(Throwable cause) {
      super("the delivery could not be recorded", cause);
    }
  }

  /**
   * Records {@code delivery}.
   *
   * @return false when this delivery id was recorded before (a redelivery): nothing was started
   */
  boolean record(GitHubDelivery delivery) throws Unavailable;
}
