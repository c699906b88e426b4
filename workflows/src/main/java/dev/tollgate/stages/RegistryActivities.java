package dev.tollgate.stages;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The model registry: versions, and which one is in Production. Every call is idempotent. */
@ActivityInterface
public interface RegistryActivities {

  /**
   * Registers a trained model as a new candidate version. Calling it again for the same run returns
   * the same version (retries do not create versions).
   */
  @ActivityMethod
  ModelVersion registerCandidate(RegisterRequest request);

  /** The current Production version, or {@code null} when the model was never deployed. */
  @ActivityMethod
  ModelVersion currentProduction(String model);

  /** Marks a version as Production; the previous one is archived. Same call twice is a no-op. */
  @ActivityMethod
  void promote(PromoteRequest request);
}
