package dev.tollgate.activities;

import dev.tollgate.pipeline.FailureTypes;
import io.temporal.failure.ApplicationFailure;

/**
 * Builds the non-retryable business failures of {@link FailureTypes}. Retrying a malformed CSV or a
 * tampered artifact cannot succeed, so these end the activity at once with a readable message.
 */
public final class Failures {
  private Failures() {}

  /** The input cannot be used: missing file or column, non-numeric value, too few rows. */
  public static ApplicationFailure invalidData(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, FailureTypes.INVALID_DATA);
  }

  /** The spec asks for something this version does not do (s3 datasets, ECS, other tasks). */
  public static ApplicationFailure unsupported(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, FailureTypes.UNSUPPORTED);
  }

  /** A stored artifact is missing or does not match its digest. */
  public static ApplicationFailure artifactMismatch(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, FailureTypes.ARTIFACT_MISMATCH);
  }
}
