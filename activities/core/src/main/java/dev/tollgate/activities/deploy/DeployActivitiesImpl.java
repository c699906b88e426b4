package dev.tollgate.activities.deploy;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.scores.Scores;
import dev.tollgate.activities.serving.ServingClient;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.LiveScore;
import dev.tollgate.stages.LiveScoreRequest;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.SmokeTestResult;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deploy stage: checks the model artifact, hands the deployment to the {@link Deployer} of the
 * spec's {@code deploy.target} (the worker's own serving, {@link LocalDeployer}; an ECS service,
 * when the worker was given the AWS adapter's), smoke-tests it and rolls it back.
 */
public final class DeployActivitiesImpl implements DeployActivities {
  private static final Logger log = LoggerFactory.getLogger(DeployActivitiesImpl.class);

  /** {@code DeploySpec.Target.ECS}, as {@link Deployment#target()} names it. */
  private static final String ECS = "ecs";

  private final DatasetLoader loader;
  private final ModelStore models;
  private final SmokeTester smoke;
  private final LocalDeployer local;
  private final Deployer ecs;

  /**
   * @param client how the smoke test reaches serving (HTTP in the worker)
   * @param moved told the model's name after each pointer change (see {@link LocalDeployer})
   */
  public DeployActivitiesImpl(
      DatasetLoader loader,
      ModelStore models,
      Path serving,
      ServingClient client,
      Consumer<String> moved) {
    this(loader, models, serving, client, moved, null);
  }

  /**
   * @param ecs the deployer for {@code target: ecs} ({@code null}: refused as unsupported)
   */
  public DeployActivitiesImpl(
      DatasetLoader loader,
      ModelStore models,
      Path serving,
      ServingClient client,
      Consumer<String> moved,
      Deployer ecs) {
    this.loader = loader;
    this.models = models;
    this.smoke = new SmokeTester(loader, models);
    this.local = new LocalDeployer(serving, client, moved);
    this.ecs = ecs;
  }

  @Override
  public Deployment deploy(DeployRequest request) {
    ModelVersion version = request.version();
    if (!models.exists(version.artifactUri())) {
      throw Failures.artifactMismatch(
          version.label() + " has no whole model artifact at " + version.artifactUri());
    }
    boolean onEcs = request.deploy().target() == DeploySpec.Target.ECS;
    return (onEcs ? deployerOf(ECS) : local).deploy(request);
  }

  @Override
  public Deployment deployCanary(DeployRequest request, int percent) {
    ModelVersion version = request.version();
    if (request.deploy().target() != DeploySpec.Target.LOCAL) {
      throw Failures.unsupported("canary deploys are for target local only");
    }
    if (!models.exists(version.artifactUri())) {
      throw Failures.artifactMismatch(
          version.label() + " has no whole model artifact at " + version.artifactUri());
    }
    return local.deployCanary(request, percent);
  }

  @Override
  public LiveScore scoreLive(LiveScoreRequest request) {
    ModelVersion v = request.version();
    ModelStore.Loaded loaded = models.load(v.artifactUri(), v.modelDigest(), null);
    Dataset data =
        loader.loadWithSchema(request.data(), request.task(), loaded.metadata().schemaOrNumeric());
    int[] rows = data.allRows();
    Predictions predictions = loaded.model().predict(data, rows);
    Double value = Scores.of(request.task(), data, rows, predictions).get(request.metric());
    log.info(
        "live score model={} version={} {}={} rows={}",
        v.model(),
        v.version(),
        request.metric(),
        value,
        rows.length);
    return new LiveScore(request.metric(), value == null ? Double.NaN : value, rows.length);
  }

  @Override
  public SmokeTestResult smokeTest(Deployment deployment) {
    Deployer deployer = deployerOf(deployment.target());
    SmokeTestResult result;
    try {
      result = smoke.test(deployment, deployer.servingClient(deployment));
    } catch (ApplicationFailure unusable) {
      // A service URL the test cannot call: a failed test (the workflow rolls the deploy back),
      // never an exception that would leave the service on an untested revision.
      result = new SmokeTestResult(false, 0, unusable.getOriginalMessage());
    }
    log.info(
        "smoke test model={} version={} passed={} message={}",
        deployment.version().model(),
        deployment.version().version(),
        result.passed(),
        result.message());
    return result;
  }

  @Override
  public void rollback(Deployment failed, ModelVersion previous) {
    deployerOf(failed.target()).rollback(failed, previous);
  }

  /** The deployer of a deployment's target: ECS's when named, else this worker's serving. */
  private Deployer deployerOf(String target) {
    if (!ECS.equals(target)) return local;
    if (ecs == null) throw Failures.unsupported("deploy target ecs: this worker has no ECS access");
    return ecs;
  }
}
