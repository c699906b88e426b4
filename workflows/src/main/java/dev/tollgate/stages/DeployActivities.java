package dev.tollgate.stages;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The deploy stage: put a version into service, check it, and take it back out. */
@ActivityInterface
public interface DeployActivities {

  /** Deploys the version to the spec's target; returns where it now serves. Idempotent. */
  @ActivityMethod
  Deployment deploy(DeployRequest request);

  /** Loads the deployed model and scores a few rows; a failure is a result, not an exception. */
  @ActivityMethod
  SmokeTestResult smokeTest(Deployment deployment);

  /**
   * {@link #deploy} then {@link #smokeTest} in one activity: one round trip to the server where a
   * run needs both (issue 12, engine overhead). A failed smoke test is a result, not an exception,
   * so a retry (deploy is idempotent) only follows a failure of the infrastructure.
   */
  default TestedDeployment deployAndSmokeTest(DeployRequest request) {
    Deployment deployment = deploy(request);
    return new TestedDeployment(deployment, smokeTest(deployment));
  }

  /**
   * Serves {@code request.version()} to {@code percent} % of the requests beside what serves now
   * (local serving only). Idempotent.
   */
  @ActivityMethod
  Deployment deployCanary(DeployRequest request, int percent);

  /** The deployed version's metric on newly labelled data, for the degradation watch. */
  @ActivityMethod
  LiveScore scoreLive(LiveScoreRequest request);

  /**
   * Restores {@code previous} at the target (or removes the deployment when there was none), the
   * compensation for {@link #deploy}.
   */
  @ActivityMethod
  void rollback(Deployment failed, ModelVersion previous);
}
