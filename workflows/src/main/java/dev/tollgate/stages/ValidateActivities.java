package dev.tollgate.stages;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The validate stage: decides whether a model may ask for approval, and writes the report. */
@ActivityInterface
public interface ValidateActivities {

  /**
   * Runs every check the spec enables and writes the JSON report. A failed check is a verdict
   * ({@code passed = false}), not an exception; unusable input is a non-retryable failure.
   */
  @ActivityMethod
  ValidationVerdict validate(ValidationRequest request);
}
