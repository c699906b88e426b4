package dev.tollgate.spec;

import java.util.Objects;

/**
 * Where a model goes once approved, and when it is rolled back.
 *
 * @param rollbackOnSmokeFailure restore the previous Production version when the smoke test fails
 * @param rollbackOnDegradation relative degradation that triggers a rollback; {@code null} = off
 */
public record DeploySpec(
    Target target, boolean rollbackOnSmokeFailure, Double rollbackOnDegradation) {

  /** Deployment targets. ECS arrives with the deploy issue; the parser refuses it until then. */
  public enum Target {
    LOCAL,
    ECS
  }

  public DeploySpec {
    Objects.requireNonNull(target, "target");
  }
}
