package dev.tollgate.activities.train.ray;

import dev.tollgate.activities.Echo;
import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.train.command.CommandOutcome;
import dev.tollgate.activities.train.command.ExitInterpreter;
import dev.tollgate.activities.train.command.Hyperparameters;
import dev.tollgate.activities.train.command.LogSink;
import dev.tollgate.activities.train.command.RunFolder;
import dev.tollgate.activities.train.command.RunListener;
import dev.tollgate.activities.train.command.RunnerSettings;
import dev.tollgate.activities.train.command.RunsInFlight;
import dev.tollgate.activities.train.command.Supervision;
import dev.tollgate.activities.train.ray.RayStage.Manifest;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a training command as a Ray job under the same contract as {@link
 * dev.tollgate.activities.train.command.CommandRunner} (docs/training-contract.md, "On a Ray
 * cluster"): the worker's rules first, the inputs staged, the workdir and the launcher shipped as
 * the job's working directory, the job submitted under the attempt's id (or the previous attempt's
 * job followed), its log streamed and its status followed, stopped on cancellation, timeout or
 * worker shutdown, and its results read as a command's exit. One instance per worker; {@link #run}
 * blocks the train activity's thread.
 */
public final class RayRunner {
  private static final Logger log = LoggerFactory.getLogger(RayRunner.class);
  private static final Duration POLL = Duration.ofSeconds(1);

  private final RunnerSettings settings;
  private final RayPolicy policy;
  private final RayJobs.Factory factory;
  private final RayStage stage;
  private final String stagingRoot;
  private final RunsInFlight runs = new RunsInFlight();

  /**
   * @param staging the store every node reaches ({@code tollgate.training.ray.staging})
   */
  public RayRunner(
      RunnerSettings settings, RayPolicy policy, RayJobs.Factory factory, ArtifactStore staging) {
    this.settings = settings;
    this.policy = policy;
    this.factory = factory;
    this.stage = new RayStage(staging, policy.maxResultBytes());
    this.stagingRoot = staging.root();
  }

  public RayPolicy policy() {
    return policy;
  }

  /** The staging store's root, for the worker's start-up line. */
  public String stagingRoot() {
    return stagingRoot;
  }

  /** Asks every followed job to stop (the worker is shutting down). */
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
   * Runs the job. A spec asking more than the worker allows throws {@link RayPolicy.Refused} before
   * anything is made; {@code lineage} gets {@code ray_address} and {@code ray_submission_id}.
   */
  public CommandOutcome run(
      RayRequest request,
      RunListener listener,
      LogSink sink,
      RayJobMemory memory,
      BiConsumer<String, String> lineage)
      throws IOException {
    RayPolicy.Resolved resolved = policy.resolve(request.ray(), request.requirementLines());
    lineage.accept("ray_address", resolved.address());
    RunFolder run = RunFolder.create(settings.runsRoot());
    Files.writeString(run.trainLog(), "");
    if (runs.reason() != null) return new CommandOutcome.Stopped(run.root(), runs.reason(), 0);
    runs.started();
    String followed = null;
    boolean keepStaged = false; // an outage: the job may still run, and the next attempt adopt it
    try {
      RayJobs jobs = factory.connect(resolved.address());
      Duration pause = POLL.compareTo(settings.tick()) < 0 ? POLL : settings.tick();
      RayCalls calls = new RayCalls(jobs.address(), policy.outageGrace(), pause, stop(listener));
      String session = calls.call("version", jobs::session);
      String tooBig = RayPreflight.check(calls, jobs, resolved);
      if (tooBig != null) return failed(run, tooBig, false);
      Hyperparameters params = new Hyperparameters(request.params());
      run.fill(request.trainRows(), params.json());
      String ownId =
          SubmissionIds.of(
              request.model(), request.runId(), request.execution(), request.attempt());
      var previous = memory.previous();
      if (previous.isEmpty()) {
        previous =
            RayAdoption.earlierJob(
                calls,
                jobs,
                a -> SubmissionIds.of(request.model(), request.runId(), request.execution(), a),
                request.attempt());
      }
      RayAdoption.Choice choice = RayAdoption.choose(calls, jobs, stage, previous, ownId);
      followed = choice.submissionId();
      if (previous.isPresent() && !previous.get().submissionId().equals(followed)) {
        stage.delete(previous.get().submissionId()); // that job ended or is gone: its staging too
      }
      if (choice.note() != null) sink.line(LogSink.Stream.STDERR, "tollgate: " + choice.note());
      memory.following(new RayJobMemory.Ref(followed, session));
      lineage.accept("ray_submission_id", followed);
      if (choice.submit()) {
        List<String> argv = new ArrayList<>(request.command());
        argv.addAll(params.arguments());
        stage.putInputs(followed, run, argv, params.values(), pattern(request));
        RayPackage.Built pkg = RayPackage.build(request.workdir(), policy.maxPackageBytes());
        String workingDir = calls.call("package", () -> jobs.uploadPackage(pkg.name(), pkg.zip()));
        RayJobs.Submission submission = submission(request, resolved, followed, workingDir);
        if (!calls.call("submit", () -> jobs.submit(submission))) {
          log.info("Ray job {} already exists at {}: following it", followed, jobs.address());
        }
      }
      Instant started = Instant.now();
      RayJobRun job = new RayJobRun(jobs, followed, session, pause, policy.outageGrace());
      Supervision.Ended ended =
          Supervision.watch(
              job,
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
      keepStaged = job.ending() instanceof RayJobRun.Lost lost && lost.outage();
      return interpret(job, run, jobs.address(), started);
    } catch (RayPackage.Unfit e) {
      return failed(run, e.getMessage(), false);
    } catch (RayCalls.Stopped e) {
      return new CommandOutcome.Stopped(run.root(), e.getMessage(), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CommandOutcome.Stopped(run.root(), "interrupted: the worker is stopping", 0);
    } catch (RayException e) {
      keepStaged = unreachable(e);
      return failed(run, rayFailure(resolved.address(), e), unreachable(e));
    } finally {
      runs.ended();
      if (followed != null && !keepStaged) stage.delete(followed);
    }
  }

  private CommandOutcome interpret(RayJobRun job, RunFolder run, String address, Instant started)
      throws IOException {
    if (job.ending() instanceof RayJobRun.Lost lost) return failed(run, lost.message(), true);
    RayJobs.Job ended = ((RayJobRun.Terminal) job.ending()).job();
    boolean commandRan =
        ended.status() == RayJobs.Status.SUCCEEDED
            || RayErrors.COMMAND_ERROR.equals(ended.errorType());
    try {
      var manifest = commandRan ? stage.manifest(ended.submissionId()) : Optional.<Manifest>empty();
      if (manifest.isEmpty()) {
        return RayErrors.withoutManifest(run.root(), ended, address, job.tail());
      }
      stage.fetch(ended.submissionId(), run);
      return ExitInterpreter.interpret(manifest.get().exitCode(), run, job.tail(), null, started);
    } catch (RayStage.BadResult e) {
      return failed(run, e.getMessage(), false);
    }
  }

  private RayJobs.Submission submission(
      RayRequest request, RayPolicy.Resolved resolved, String id, String workingDir) {
    Map<String, String> env = new LinkedHashMap<>(request.env());
    env.putAll(request.ray().envVars());
    env.putIfAbsent("PYTHONUNBUFFERED", "1");
    env.put("TOLLGATE_RAY_STAGE", stage.uri(id)); // where the inputs are: no credentials
    Map<String, String> metadata =
        Map.of(
            "tollgate_model", request.model(),
            "tollgate_run", request.runId(),
            "tollgate_attempt", Integer.toString(request.attempt()));
    return new RayJobs.Submission(
        id,
        shellQuoted(policy.python()) + " " + RayPackage.LAUNCHER,
        workingDir,
        resolved.pip(),
        env,
        resolved.numCpus(),
        resolved.numGpus(),
        Map.of(),
        metadata);
  }

  private Supplier<String> stop(RunListener listener) {
    return () -> runs.reason() != null ? runs.reason() : listener.stopReason();
  }

  private static String pattern(RayRequest request) {
    return request.progressRegex() == null ? null : request.progressRegex().pattern();
  }

  private static String rayFailure(String address, RayException e) {
    String what = Echo.capped(e.getMessage(), 500);
    return unreachable(e)
        ? "the Ray cluster at "
            + address
            + " is not reachable (an outage: will be retried): "
            + what
        : "the Ray cluster at " + address + " refused the job: " + what;
  }

  private static boolean unreachable(RayException e) {
    return e.kind() == RayException.Kind.UNREACHABLE;
  }

  static String shellQuoted(String word) {
    if (word.matches("[A-Za-z0-9_./:=+-]+")) return word;
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static CommandOutcome failed(RunFolder run, String message, boolean retryable) {
    return new CommandOutcome.Failed(run.root(), message, -1, retryable);
  }
}
