package dev.tollgate.activities.deploy;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.AtomicFiles;
import dev.tollgate.activities.artifacts.Json;
import dev.tollgate.activities.artifacts.ModelNames;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.artifacts.PathLocks;
import dev.tollgate.activities.data.CsvLoader;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.deploy.ecs.EcsDeployer;
import dev.tollgate.activities.deploy.ecs.EcsLocation;
import dev.tollgate.activities.deploy.ecs.ServiceUrl;
import dev.tollgate.activities.models.Predictions;
import dev.tollgate.activities.serving.ServingClient;
import dev.tollgate.activities.train.Scores;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.LiveScore;
import dev.tollgate.stages.LiveScoreRequest;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.SmokeTestResult;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local deployment: {@code <serving>/<model>/current.json} names the version local serving answers
 * with. Deploying keeps the pointer it replaces in {@code previous.json}, so a rollback restores
 * exactly what was served before. Changes to a model's pointers are serialised by {@link
 * PathLocks}.
 */
public final class DeployActivitiesImpl implements DeployActivities {
  private static final Logger log = LoggerFactory.getLogger(DeployActivitiesImpl.class);
  static final String TARGET = "local";

  private final CsvLoader loader;
  private final ModelStore models;
  private final Path serving;
  private final SmokeTester smoke;
  private final ServingClient local;
  private final Function<URI, ServingClient> remote;
  private final EcsDeployer ecs;
  private final Consumer<String> moved;

  /**
   * @param client how the smoke test reaches serving (HTTP in the worker)
   * @param moved told the model's name after each pointer change, so this process's serving looks
   *     at the pointer at once (other processes see it within a quarter of a second)
   */
  public DeployActivitiesImpl(
      CsvLoader loader,
      ModelStore models,
      Path serving,
      ServingClient client,
      Consumer<String> moved) {
    this(loader, models, serving, client, moved, null, null);
  }

  /**
   * @param ecs the ECS deployer for {@code target: ecs} ({@code null}: refused as unsupported)
   * @param remote the serving client of a service URL (from the spec: {@link
   *     EcsDeployer#servingClient}, which checks it), for the smoke test of an ECS deployment;
   *     {@code null} without ECS
   */
  public DeployActivitiesImpl(
      CsvLoader loader,
      ModelStore models,
      Path serving,
      ServingClient client,
      Consumer<String> moved,
      EcsDeployer ecs,
      Function<URI, ServingClient> remote) {
    this.loader = loader;
    this.models = models;
    this.serving = serving.toAbsolutePath().normalize();
    this.smoke = new SmokeTester(loader, models);
    this.local = client;
    this.moved = moved;
    this.ecs = ecs;
    this.remote = remote;
  }

  @Override
  public Deployment deploy(DeployRequest request) {
    ModelVersion version = request.version();
    if (!models.exists(version.artifactUri())) {
      throw Failures.artifactMismatch(
          version.label() + " has no whole model artifact at " + version.artifactUri());
    }
    if (request.deploy().target() == DeploySpec.Target.ECS) {
      if (ecs == null)
        throw Failures.unsupported("deploy target ecs: this worker has no ECS access");
      return ecs.deploy(request);
    }
    Path dir = folder(request.servedAs());
    Path current = dir.resolve("current.json");
    PathLocks.withLock(
        dir.resolve(".lock"),
        () -> {
          ServingPointer before = ServingPointer.read(current);
          if (before != null && before.serves(version)) {
            return; // already deployed: a retried call must not overwrite previous.json
          }
          if (before != null) {
            // What a rollback restores: the version that served all requests, without a canary.
            AtomicFiles.write(dir.resolve("previous.json"), Json.pretty(before.withoutCanary()));
          } else {
            ServingPointer.delete(dir.resolve("previous.json"));
          }
          ServingPointer.of(version, request.runId(), request.servedAs(), request.authority())
              .write(current);
          log.info(
              "deployed model={} version={} run={}",
              version.model(),
              version.version(),
              request.runId());
        });
    moved.accept(request.servedAs());
    return new Deployment(
        version, TARGET, current.toString(), request.data(), request.servingName());
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
    Path dir = folder(request.servedAs());
    Path current = dir.resolve("current.json");
    PathLocks.withLock(
        dir.resolve(".lock"),
        () -> {
          ServingPointer before = ServingPointer.read(current);
          if (before == null) {
            throw Failures.invalidData(
                version.model()
                    + " serves nothing yet: a canary needs a version to share the traffic with");
          }
          if (before.canary() != null && before.canary().serves(version)) return; // a retry
          before.withCanary(version, percent, request.authority()).write(current);
          log.info(
              "canary model={} version={} percent={}", version.model(), version.version(), percent);
        });
    moved.accept(request.servedAs());
    return new Deployment(
        version, TARGET, current.toString(), request.data(), request.servingName());
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
    boolean onEcs = EcsDeployer.TARGET.equals(deployment.target());
    if (onEcs && remote == null) {
      throw Failures.unsupported("deploy target ecs: this worker has no ECS access");
    }
    SmokeTestResult result;
    try {
      ServingClient client =
          onEcs
              ? remote.apply(ServiceUrl.parse(EcsLocation.parse(deployment.location()).url()))
              : local;
      result = smoke.test(deployment, client);
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
    if (EcsDeployer.TARGET.equals(failed.target())) {
      ecs.rollback(failed); // the service goes back to the revision it ran before
      return;
    }
    Path dir = folder(failed.servedAs());
    Path current = dir.resolve("current.json");
    PathLocks.withLock(
        dir.resolve(".lock"),
        () -> {
          ServingPointer now = ServingPointer.read(current);
          if (now != null && now.canary() != null && now.canary().serves(failed.version())) {
            now.withoutCanary().write(current); // a canary is taken back: the rest never moved
            log.info("canary {} withdrawn", failed.version().label());
            return;
          }
          if (previous == null ? now == null : now != null && now.serves(previous)) {
            return; // already rolled back: a retried call
          }
          if (now != null && !now.serves(failed.version())) {
            // Something newer was deployed since: rolling "back" would undo someone else's work.
            log.warn(
                "rollback of {} skipped: {} now serves v{}",
                failed.version().label(),
                current,
                now.version());
            return;
          }
          Path saved = dir.resolve("previous.json");
          if (previous == null) {
            // No version named: what served before, if anything (a staging environment's last
            // version; nothing after a model's first deployment, whose deploy left no previous).
            ServingPointer remembered = ServingPointer.read(saved);
            if (remembered == null) ServingPointer.delete(current);
            else remembered.write(current);
          } else {
            ServingPointer remembered = ServingPointer.read(saved);
            (remembered != null && remembered.serves(previous)
                    ? remembered
                    : ServingPointer.of(
                        previous, failed.version().runId(), failed.servedAs(), null))
                .write(current);
          }
          ServingPointer.delete(saved);
          log.info(
              "rolled back model={} from version={} to version={}",
              failed.version().model(),
              failed.version().version(),
              previous == null ? "none" : previous.version());
        });
    moved.accept(failed.servedAs());
  }

  private Path folder(String model) {
    return serving.resolve(ModelNames.check(model));
  }
}
