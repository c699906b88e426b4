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
 * Runs a team's training command as the contract (docs/training-contract.md) says: in a fresh run
 * folder, as its own session and process group, with a clean environment, its output streamed and
 * kept, its exit read, and its whole group ended on cancellation, timeout or worker shutdown. One
 * instance per worker; {@link #run} is called from the train activity's thread and blocks.
 */
public final class CommandRunner {
  private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

  private final RunnerSettings settings;
  private final LaunchTools tools;
  private final Map<String, String> workerEnv;
  private final RunsInFlight runs = new RunsInFlight();

  public CommandRunner(RunnerSettings settings) {
    this(settings, LaunchTools.fromWorker(), System.getenv());
  }

  CommandRunner(RunnerSettings settings, LaunchTools tools, Map<String, String> workerEnv) {
    this.settings = settings;
    this.tools = tools;
    this.workerEnv = Map.copyOf(workerEnv);
  }

  /**
   * Asks every running command to stop (the worker is shutting down): each run ends its group
   * within one tick plus the grace period and returns {@link CommandOutcome.Stopped}.
   */
  public void shutdown(String reason) {
    runs.shutdown(reason);
  }

  /**
   * {@link #shutdown} and waits up to {@code wait} for the running commands' groups to be ended;
   * false when some still run.
   */
  public boolean shutdown(String reason, Duration wait) throws InterruptedException {
    return runs.shutdown(reason, wait);
  }

  /** How many commands are running now. */
  public int running() {
    return runs.running();
  }

  public CommandOutcome run(CommandRequest request, RunListener listener, LogSink sink)
      throws IOException {
    RunFolder run = RunFolder.create(settings.runsRoot());
    Hyperparameters params = new Hyperparameters(request.params());
    run.fill(request.trainRows(), params.json());
    Map<String, String> env =
        CommandEnvironment.build(
            workerEnv, settings.passThroughEnv(), request.env(), run, params, request.venv());
    Path cwd = request.workdir() == null ? run.root() : request.workdir();
    List<String> argv = new ArrayList<>(request.argv());
    argv.addAll(params.arguments());
    Optional<String> problem = Executables.problem(argv.get(0), env.get("PATH"), cwd);
    if (problem.isPresent()) {
      Files.writeString(run.trainLog(), "");
      return new CommandOutcome.Failed(run.root(), problem.get(), -1, false);
    }
    Instant started = Instant.now();
    if (runs.reason() != null) {
      return new CommandOutcome.Stopped(run.root(), runs.reason(), 0);
    }
    runs.started();
    try {
      ProcessGroup group = ProcessGroup.start(tools, argv, cwd, env);
      try {
        return supervise(group, request, listener, sink, run, cwd, started);
      } catch (IOException | RuntimeException | Error e) {
        Supervision.stopQuietly(group);
        throw e;
      }
    } finally {
      runs.ended();
    }
  }

  private CommandOutcome supervise(
      ProcessGroup group,
      CommandRequest request,
      RunListener listener,
      LogSink sink,
      RunFolder run,
      Path cwd,
      Instant started)
      throws IOException {
    Supervision.Ended ended =
        Supervision.watch(
            group,
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
    return ExitInterpreter.interpret(
        group.leader().exitValue(), run, ended.stderrTail(), cwd, started);
  }
}
