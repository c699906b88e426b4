package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a training container under the same contract as {@link CommandRunner}
 * (docs/training-contract.md, "In a container"): the run folder made as for a command, its parts
 * mounted at SageMaker's container paths, the container run as the worker's uid:gid with the
 * worker's limits, its output streamed and kept, its exit read, and the container stopped ({@code
 * docker stop}, then removed) on cancellation, timeout or worker shutdown, and removed whatever
 * happens. One instance per worker; {@link #run} blocks the train activity's thread.
 */
public final class ContainerRunner {
  private static final Logger log = LoggerFactory.getLogger(ContainerRunner.class);
  private static final Duration PULL_TIMEOUT = Duration.ofMinutes(30);

  private final RunnerSettings settings;
  private final ContainerPolicy policy;
  private final ContainerEngine engine;
  private final Map<String, String> workerEnv;
  private final RunsInFlight runs = new RunsInFlight();

  public ContainerRunner(
      RunnerSettings settings,
      ContainerPolicy policy,
      ContainerEngine engine,
      Map<String, String> workerEnv) {
    this.settings = settings;
    this.policy = policy;
    this.engine = engine;
    this.workerEnv = Map.copyOf(workerEnv);
  }

  public ContainerPolicy policy() {
    return policy;
  }

  public ContainerEngine engine() {
    return engine;
  }

  /** This worker's label value: its runs folder, one per worker home. */
  public String workerLabel() {
    return settings.runsRoot().toAbsolutePath().toString();
  }

  /**
   * Removes every container this worker's home started that is still there: a worker killed while a
   * container ran (SIGKILL, power loss) left it. Called when the worker starts.
   */
  public List<String> removeLeftovers() throws ContainerEngine.EngineException {
    return engine.removeLabelled(ContainerNames.WORKER, workerLabel());
  }

  /** Asks every running container to stop (the worker is shutting down). */
  public void shutdown(String reason) {
    runs.shutdown(reason);
  }

  /** {@link #shutdown} and waits up to {@code wait}; false when some still run. */
  public boolean shutdown(String reason, Duration wait) throws InterruptedException {
    return runs.shutdown(reason, wait);
  }

  public int running() {
    return runs.running();
  }

  /**
   * Runs the container. A spec asking more than the worker allows throws {@link
   * ContainerPolicy.Refused} before anything is made.
   */
  public CommandOutcome run(ContainerRequest request, RunListener listener, LogSink sink)
      throws IOException {
    return run(request, listener, sink, id -> {});
  }

  /** {@link #run}, telling {@code imageId} the id of the image it runs (for the lineage). */
  public CommandOutcome run(
      ContainerRequest request,
      RunListener listener,
      LogSink sink,
      java.util.function.Consumer<String> imageId)
      throws IOException {
    ContainerPolicy.Limits limits = policy.limits(request.container());
    RunFolder run = RunFolder.create(settings.runsRoot());
    Files.writeString(run.trainLog(), "");
    String image = request.container().image();
    ContainerEngine.Image found;
    try {
      Optional<ContainerEngine.Image> inspected = findImage(image);
      if (inspected.isEmpty()) return failed(run, missing(image), false);
      found = inspected.get();
      imageId.accept(found.id());
    } catch (ContainerEngine.EngineException e) {
      return engineFailure(run, e, image);
    }
    Hyperparameters params = new Hyperparameters(request.params());
    // The spec's command is the whole argv, as for a command on the worker (what you write is what
    // runs); without one, the image's own ENTRYPOINT and CMD. The params follow either way.
    List<String> argv = new ArrayList<>(request.command());
    if (argv.isEmpty()) {
      argv.addAll(found.entrypoint());
      argv.addAll(found.cmd());
    }
    if (argv.isEmpty()) {
      return failed(
          run,
          "the image " + image + " has neither ENTRYPOINT nor CMD: set training.command",
          false);
    }
    argv.addAll(params.arguments());
    run.fill(request.trainRows(), params.json());
    Path envFile = run.root().resolve("container.env");
    try {
      ContainerEnvironment.writeFile(
          ContainerEnvironment.build(workerEnv, settings.passThroughEnv(), request.env(), params),
          envFile);
    } catch (IllegalArgumentException e) {
      return failed(run, "training.env: " + e.getMessage(), false);
    }
    String name = ContainerNames.name(request.model(), request.runId(), request.attempt());
    ContainerLaunch launch =
        new ContainerLaunch(
            name,
            found.id(),
            argv,
            envFile,
            ContainerEnvironment.mounts(run),
            owner(run.root()),
            ContainerNames.labels(
                workerLabel(), request.model(), request.runId(), request.attempt()),
            limits);
    if (runs.reason() != null) return new CommandOutcome.Stopped(run.root(), runs.reason(), 0);
    runs.started();
    try {
      engine.remove(name); // a leftover of this very attempt (a worker killed before it removed it)
      engine.create(launch);
      Files.deleteIfExists(envFile); // read at create; values stay out of the run folder
      Instant started = Instant.now();
      ContainerRun container = new ContainerRun(engine, name, engine.startAttached(name));
      Supervision.Ended ended =
          Supervision.watch(
              container,
              settings,
              request.timeout(),
              request.progressRegex(),
              listener,
              sink,
              run,
              runs::reason);
      if (ended.stopReason() != null) {
        return new CommandOutcome.Stopped(run.root(), ended.stopReason(), ended.stopped());
      }
      return ContainerExits.interpret(
          engine.exit(name), image, limits, run, ended.stderrTail(), started);
    } catch (ContainerEngine.EngineException e) {
      return engineFailure(run, e, image);
    } finally {
      Files.deleteIfExists(envFile);
      removeQuietly(name);
      runs.ended();
    }
  }

  private Optional<ContainerEngine.Image> findImage(String image)
      throws ContainerEngine.EngineException {
    Optional<ContainerEngine.Image> found = engine.image(image);
    if (found.isEmpty() && policy.pull() == ContainerPolicy.Pull.MISSING) {
      log.info("pulling training image {}", image);
      engine.pull(image, PULL_TIMEOUT);
      found = engine.image(image);
    }
    return found;
  }

  private String missing(String image) {
    return "the image "
        + image
        + " is not on this worker's container host ("
        + engine.endpoint()
        + ")"
        + (policy.pull() == ContainerPolicy.Pull.NEVER
            ? " and the worker does not pull images (tollgate.training.containers.pull: never):"
                + " build or pull it on the host first, or check training.image"
            : ": check training.image");
  }

  private CommandOutcome engineFailure(
      RunFolder run, ContainerEngine.EngineException e, String image) {
    return switch (e.kind()) {
      case UNREACHABLE ->
          failed(
              run,
              "the container engine is not reachable at "
                  + engine.endpoint()
                  + " (an outage: will be retried): "
                  + e.getMessage(),
              true);
      case NO_SUCH_IMAGE -> failed(run, missing(image) + " (" + e.getMessage() + ")", false);
      case REFUSED ->
          failed(
              run,
              "the container engine refused the image " + image + ": " + e.getMessage(),
              false);
    };
  }

  private static CommandOutcome failed(RunFolder run, String message, boolean retryable) {
    return new CommandOutcome.Failed(run.root(), message, -1, retryable);
  }

  /** The worker's uid:gid, as the owner of the run folder it just made. */
  private static String owner(Path root) throws IOException {
    return Files.getAttribute(root, "unix:uid") + ":" + Files.getAttribute(root, "unix:gid");
  }

  private void removeQuietly(String name) {
    try {
      engine.remove(name);
    } catch (ContainerEngine.EngineException e) {
      // the worker's next start removes it by its label
      log.warn("training container {} not removed: {}", name, e.getMessage());
    }
  }
}
