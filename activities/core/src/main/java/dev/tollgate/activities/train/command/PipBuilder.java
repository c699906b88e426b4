package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds a venv with the machine's {@code python3 -m venv} and {@code pip install -r}, each step in
 * its own process group with the command's clean environment (pip's configuration such as
 * PIP_INDEX_URL only through the operator's pass-env), stopped whole at the timeout. A failure says
 * which step failed and ends with pip's own last lines.
 */
public final class PipBuilder implements PythonEnvs.PythonEnvBuilder {
  private static final int SHOWN_LINES = 20;

  private final LaunchTools tools;
  private final Map<String, String> env;
  private final Duration timeout;
  private final Duration grace;

  PipBuilder(LaunchTools tools, Map<String, String> env, Duration timeout, Duration grace) {
    this.tools = tools;
    this.env = Map.copyOf(env);
    this.timeout = timeout;
    this.grace = grace;
  }

  /** For the worker: its own PATH's tools, its allow-listed environment. */
  public static PipBuilder forWorker(RunnerSettings settings, Duration timeout) {
    return new PipBuilder(
        LaunchTools.fromWorker(),
        CommandEnvironment.allowed(System.getenv(), settings.passThroughEnv()),
        timeout,
        settings.grace());
  }

  @Override
  public void build(Path venv, Path requirements, LogSink sink)
      throws PythonEnvs.Unavailable, IOException {
    if (Files.exists(venv)) deleteTree(venv); // a build a dead worker left half done
    String python3 = "python3";
    if (Executables.problem(python3, env.get("PATH"), venv.getParent()).isPresent()) {
      throw new PythonEnvs.Unavailable(
          "python.requirements needs python3 on the worker's PATH (with its venv module: e.g."
              + " apt install python3-venv)");
    }
    step(
        List.of(python3, "-m", "venv", venv.toString()), venv.getParent(), "python3 -m venv", sink);
    step(
        List.of(
            venv.resolve("bin/python").toString(),
            "-m",
            "pip",
            "install",
            "--disable-pip-version-check",
            "--no-input",
            "-r",
            requirements.toString()),
        requirements.getParent(),
        "pip install -r " + requirements.getFileName(),
        sink);
  }

  private void step(List<String> argv, Path cwd, String what, LogSink sink)
      throws PythonEnvs.Unavailable, IOException {
    ProcessGroup group = ProcessGroup.start(tools, argv, cwd, env);
    TrainLog ignored = new TrainLog(64 * 1024);
    OutputPump out =
        OutputPump.start(
            group.leader().getInputStream(), LogSink.Stream.STDOUT, sink, ignored, l -> {});
    OutputPump err =
        OutputPump.start(
            group.leader().getErrorStream(), LogSink.Stream.STDERR, sink, ignored, l -> {});
    try {
      boolean exited = group.waitFor(timeout);
      group.stop(grace);
      out.join(5_000);
      err.join(5_000);
      if (!exited) {
        throw new PythonEnvs.Unavailable(
            what + " did not finish within " + dev.tollgate.spec.Durations.format(timeout));
      }
      int exit = group.leader().exitValue();
      if (exit != 0) {
        List<String> lines = new ArrayList<>(out.lastLines());
        lines.addAll(err.lastLines());
        List<String> last = lines.subList(Math.max(0, lines.size() - SHOWN_LINES), lines.size());
        throw new PythonEnvs.Unavailable(
            what + " failed (exit " + exit + "):\n" + String.join("\n", last));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      try {
        group.stop(Duration.ZERO);
      } catch (InterruptedException again) {
        Thread.currentThread().interrupt();
      }
      throw new PythonEnvs.Unavailable(what + " interrupted: the worker is stopping");
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
