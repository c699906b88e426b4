package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/** Scripts written by the tests and a runner with a short tick and grace, over a temp folder. */
final class RunnerFixture {
  final Path dir;
  final Path trainCsv;
  final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  final List<Double> progress = Collections.synchronizedList(new ArrayList<>());
  final AtomicReference<String> stop = new AtomicReference<>();

  RunnerFixture(Path dir) throws IOException {
    this.dir = dir;
    this.trainCsv = Files.writeString(dir.resolve("rows.csv"), "x,y\n1,2\n3,4\n");
  }

  /** An executable sh script {@code name} in the temp folder. */
  Path script(String name, String body) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  CommandRunner runner(Duration grace) {
    return runner(grace, LaunchTools.fromWorker(), workerEnv());
  }

  CommandRunner runner(Duration grace, LaunchTools tools, Map<String, String> env) {
    return new CommandRunner(
        new RunnerSettings(
            dir.resolve("home/training-runs"),
            grace,
            Duration.ofMillis(100),
            1024 * 1024,
            Set.of()),
        tools,
        env);
  }

  static Map<String, String> workerEnv() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TOLLGATE_DB_PASSWORD", "secret-db");
    env.put("AWS_SECRET_ACCESS_KEY", "secret-aws");
    return env;
  }

  CommandRequest request(List<String> argv, Duration timeout) {
    return new CommandRequest(argv, dir, trainCsv, Map.of(), Map.of(), timeout, null);
  }

  CommandOutcome run(CommandRunner runner, CommandRequest request) throws IOException {
    return runner.run(request, listener(), (stream, line) -> lines.add(stream + " " + line));
  }

  RunListener listener() {
    return new RunListener() {
      @Override
      public void progress(double fraction, String text) {
        progress.add(fraction);
      }

      @Override
      public String stopReason() {
        return stop.get();
      }
    };
  }

  /** Waits up to 10 s for {@code file} to exist with content. */
  static String await(Path file) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < end) {
      if (Files.exists(file) && Files.size(file) > 0) return Files.readString(file);
      Thread.sleep(20);
    }
    throw new AssertionError(file + " was not written");
  }

  /**
   * A zombie counts as ended: it runs nothing, and in a container whose pid 1 reaps no orphans (as
   * on this build machine) it stays a zombie for good.
   */
  static void assertNoneAlive(List<Long> pids) {
    for (long pid : pids) {
      assertThat(ProcStat.of(pid).filter(p -> p.state() != 'Z' && p.state() != 'X'))
          .as("process " + pid + " still running")
          .isEmpty();
    }
  }
}
