package dev.tollgate.activities.deploy;

import dev.tollgate.activities.serving.ServingClient;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.ModelVersion;

/**
 * One deploy target ({@code deploy.target}): puts a model version where it serves, says how the
 * smoke test reaches it, and puts back what served before. {@link LocalDeployer} is the worker's
 * own serving; the AWS adapter's {@code EcsDeployer} an ECS service. Each call may be retried by
 * Temporal, so each must be idempotent.
 */
public interface Deployer {

  /** The target as {@link Deployment#target()} names it: {@code local}, {@code ecs}. */
  String target();

  /**
   * Deploys {@code request.version()}; the deployment says where, for the smoke test and rollback.
   */
  Deployment deploy(DeployRequest request);

  /**
   * How the smoke test reaches what {@code deployment} serves.
   *
   * @throws io.temporal.failure.ApplicationFailure when it cannot be called (a failed smoke test)
   */
  ServingClient servingClient(Deployment deployment);

  /**
   * Puts back what served before {@code failed}: {@code previous} when named, else what the target
   * remembers.
   */
  void rollback(Deployment failed, ModelVersion previous);
}
