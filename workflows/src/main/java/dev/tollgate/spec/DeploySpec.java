package dev.tollgate.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Where a model goes once approved, and when it is rolled back.
 *
 * @param rollbackOnSmokeFailure restore the previous Production version when the smoke test fails
 * @param rollbackOnDegradation relative degradation that triggers a rollback; {@code null} = off
 * @param ecs the ECS service for {@code target: ecs}, else {@code null}
 * @param canary serve the candidate to a share of the requests first, else {@code null}
 * @param watch the degradation watch after the deploy ({@code rollback.on_degradation}), else
 *     {@code null}
 * @param environments the environments a candidate goes through, in order, the last being
 *     production (behind the approval); empty = production only, with {@code target} and {@code
 *     ecs} above
 */
public record DeploySpec(
    Target target,
    boolean rollbackOnSmokeFailure,
    Double rollbackOnDegradation,
    Ecs ecs,
    Canary canary,
    Watch watch,
    List<Environment> environments) {

  /**
   * One environment: where the candidate is deployed and smoke-tested there. Those before the last
   * need no approval and are deployed before the gate (staging); the last is production.
   *
   * @param ecs its ECS service for {@code target: ecs}
   */
  public record Environment(String name, boolean approval, Target target, Ecs ecs) {
    public Environment {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(target, "target");
    }

    /** Local serving's key for it: the model's own name in production, else model.env. */
    public String servingName(String model, boolean production) {
      return production ? model : model + "." + name;
    }
  }

  /**
   * The candidate answers {@code percent} of the requests for {@code bake}, beside Production, then
   * all of them. Local serving only; the first deployment of a model has no canary.
   */
  public record Canary(int percent, Duration bake) {
    public Canary {
      if (percent < 1 || percent > 99) {
        throw new IllegalArgumentException("canary percent must be 1 to 99, got " + percent);
      }
      Objects.requireNonNull(bake, "bake");
    }
  }

  /**
   * After the deploy, for {@code window}: every {@code every}, the deployed model scores {@code
   * data} (newly labelled rows; {@code null} = data.train) and is rolled back when its metric is
   * worse than at validation by more than {@code rollback.on_degradation}.
   */
  public record Watch(Duration window, Duration every, String data) {
    public Watch {
      Objects.requireNonNull(window, "window");
      Objects.requireNonNull(every, "every");
    }
  }

  /** Deployment targets. */
  public enum Target {
    LOCAL,
    ECS
  }

  /**
   * An ECS service whose container serves the model named in its environment (docs/deploy.md,
   * "Models on ECS"): a deploy registers a task definition revision with the model's name, URI,
   * version and digest in the container's environment and updates the service.
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
    environments = environments == null ? List.of() : List.copyOf(environments);
    if (target == Target.ECS && ecs == null) {
      throw new IllegalArgumentException(
          "target ecs needs the ecs section (cluster, service, url)");
    }
  }

  /** Local serving, the shape before ECS. */
  public DeploySpec(Target target, boolean rollbackOnSmokeFailure, Double rollbackOnDegradation) {
    this(target, rollbackOnSmokeFailure, rollbackOnDegradation, null, null, null, null);
  }

  /** Without canary and watch. */
  public DeploySpec(
      Target target, boolean rollbackOnSmokeFailure, Double rollbackOnDegradation, Ecs ecs) {
    this(target, rollbackOnSmokeFailure, rollbackOnDegradation, ecs, null, null, null);
  }

  /** The environments deployed before the approval (staging): all but the last. */
  public List<Environment> beforeApproval() {
    return environments.size() <= 1 ? List.of() : environments.subList(0, environments.size() - 1);
  }

  /** This deploy section for one environment: its target and service, the rest shared. */
  public DeploySpec in(Environment env) {
    return new DeploySpec(env.target(), rollbackOnSmokeFailure, null, env.ecs(), null, null, null);
  }
}
