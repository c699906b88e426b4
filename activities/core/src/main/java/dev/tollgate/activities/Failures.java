package dev.tollgate.activities;

import dev.tollgate.pipeline.FailureTypes;
import io.temporal.failure.ApplicationFailure;

/**
 * Builds the non-retryable business failures of {@link FailureTypes}. Retrying a malformed CSV or a
 * tampered artifact cannot succeed, so these end the activity at once with a readable message.
 *
 * <p>Every message is {@link Echo#capped cleaned and capped} here, the one place they are made: a
 * message travels to the worker log, the events file, Slack, webhooks and the Temporal history, and
 * one near gRPC's 4 MB limit would lose the whole failure (a run's cause once read only {@code
 * Train: }).
 */
public final class Failures {
  /** Longer than any message written by hand; far below what gRPC refuses. */
  public static final int MAX_MESSAGE = 2_000;

  private Failures() {}

  /** The input cannot be used: missing file or column, non-numeric value, too few rows. */
  public static ApplicationFailure invalidData(String message) {
    return ApplicationFailure.newNonRetryableFailure(
        Echo.capped(message, MAX_MESSAGE), FailureTypes.INVALID_DATA);
  }

  /** The spec asks for something this version does not do (s3 datasets, ECS, other tasks). */
  public static ApplicationFailure unsupported(String message) {
    return ApplicationFailure.newNonRetryableFailure(
        Echo.capped(message, MAX_MESSAGE), FailureTypes.UNSUPPORTED);
  }

  /** A stored artifact is missing or does not match its digest. */
  public static ApplicationFailure artifactMismatch(String message) {
    return ApplicationFailure.newNonRetryableFailure(
        Echo.capped(message, MAX_MESSAGE), FailureTypes.ARTIFACT_MISMATCH);
  }
}
