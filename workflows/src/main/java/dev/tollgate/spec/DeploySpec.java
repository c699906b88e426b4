package dev.tollgate.spec;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a model goes once approved, and when it is rolled back.
 *
 * @param rollbackOnSmokeFailure restore the previous Production version when the smoke test fails
 * @param rollbackOnDegradation relative degradation that triggers a rollback; {@code null} = off
 * @param ecs the ECS service for {@code target: ecs}, else {@code null}
 */
public record DeploySpec(
    Target target, boolean rollbackOnSmokeFailure, Double rollbackOnDegradation, Ecs ecs) {

  /** Deployment targets. */
  public enum Target {
    LOCAL,
    ECS
  }

  /**
   * An ECS service running Tollgate's serving image (docs/deploy.md): a deploy registers a task
   * definition revision with the model's URI in the container's environment and updates the
   * service.
   *
   * @param container the container to point at the model; {@code null} = the task definition's
   *     first
   * @param url the service's serving API (its load balancer), for the smoke test
   * @param stableTimeout how long to wait for the service to become stable
   */
  public record Ecs(
      String cluster, String service, String container, String url, Duration stableTimeout) {
    public Ecs {
      Objects.requireNonNull(cluster, "cluster");
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(url, "url");
      stableTimeout = stableTimeout == null ? Duration.ofMinutes(10) : stableTimeout;
    }
  }

  public DeploySpec {
    Objects.requireNonNull(target, "target");
    if (target == Target.ECS && ecs == null) {
      throw new IllegalArgumentException(
          "target ecs needs the ecs section (cluster, service, url)");
    }
  }

  /** Local serving, the shape before ECS. */
  public DeploySpec(Target target, boolean rollbackOnSmokeFailure, Double rollbackOnDegradation) {
    this(target, rollbackOnSmokeFailure, rollbackOnDegradation, null);
  }
}
