package dev.tollgate.activities.deploy;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.ModelNames;
import dev.tollgate.activities.files.AtomicFiles;
import dev.tollgate.activities.files.Json;
import dev.tollgate.activities.files.PathLocks;
import dev.tollgate.activities.serving.ServingClient;
import dev.tollgate.activities.serving.ServingPointer;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.ModelVersion;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code deploy.target: local}: {@code <serving>/<model>/current.json} names the version local
 * serving answers with. Deploying keeps the pointer it replaces in {@code previous.json}, so a
 * rollback restores exactly what was served before. Changes to a model's pointers are serialised by
 * {@link PathLocks}.
 */
public final class LocalDeployer implements Deployer {
  private static final Logger log = LoggerFactory.getLogger(LocalDeployer.class);
  static final String TARGET = "local";

  private final Path serving;
  private final ServingClient client;
  private final Consumer<String> moved;

  /**
   * @param client how the smoke test reaches serving (HTTP in the worker)
   * @param moved told the model's name after each pointer change, so this process's serving looks
   *     at the pointer at once (other processes see it within a quarter of a second)
   */
  public LocalDeployer(Path serving, ServingClient client, Consumer<String> moved) {
    this.serving = serving.toAbsolutePath().normalize();
    this.client = client;
    this.moved = moved;
  }

  @Override
  public String target() {
    return TARGET;
  }

  @Override
  public ServingClient servingClient(Deployment deployment) {
    return client.forEnvironment(environment(deployment));
  }

  /**
   * The environment a deployment serves in: {@code production} under the model's own name, else the
   * suffix of its serving name ({@code energy-load.staging}: {@code staging}).
   */
  static String environment(Deployment deployment) {
    String name = deployment.servingName();
    String model = deployment.version().model();
    if (name == null || name.equals(model)) return "production";
    return name.startsWith(model + ".") ? name.substring(model.length() + 1) : name;
  }

  @Override
  public Deployment deploy(DeployRequest request) {
    ModelVersion version = request.version();
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

  /** Gives {@code percent} of the model's traffic to {@code request.version()}, beside the rest. */
  public Deployment deployCanary(DeployRequest request, int percent) {
    ModelVersion version = request.version();
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
  public void rollback(Deployment failed, ModelVersion previous) {
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
          restore(dir, current, failed, previous);
          log.info(
              "rolled back model={} from version={} to version={}",
              failed.version().model(),
              failed.version().version(),
              previous == null ? "none" : previous.version());
        });
    moved.accept(failed.servedAs());
  }

  /** Writes back {@code previous}, or what served before when none is named; under the lock. */
  private static void restore(Path dir, Path current, Deployment failed, ModelVersion previous) {
    Path saved = dir.resolve("previous.json");
    ServingPointer remembered = ServingPointer.read(saved);
    if (previous == null) {
      // No version named: what served before, if anything (a staging environment's last
      // version; nothing after a model's first deployment, whose deploy left no previous).
      if (remembered == null) ServingPointer.delete(current);
      else remembered.write(current);
    } else {
      (remembered != null && remembered.serves(previous)
              ? remembered
              : ServingPointer.of(previous, failed.version().runId(), failed.servedAs(), null))
          .write(current);
    }
    ServingPointer.delete(saved);
  }

  private Path folder(String model) {
    return serving.resolve(ModelNames.check(model));
  }
}
