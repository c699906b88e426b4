package dev.tollgate.activities.train.docker;

import dev.tollgate.activities.train.command.ContainerEngine.EngineException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the docker CLI: short calls with a timeout and their output read (bounded), and the one
 * long-lived attached client. The client gets only its own environment (the daemon's address, TLS
 * and config), never the worker's secrets.
 */
final class DockerCalls {
  private static final int MAX_OUTPUT = 4 * 1024 * 1024;

  record Result(int code, String stdout, String stderr) {}

  private final String docker;
  private final Map<String, String> env;

  DockerCalls(String docker, Map<String, String> env) {
    this.docker = docker;
    this.env = env;
  }

  Result run(List<String> args, Duration timeout) throws EngineException {
    Process p = start(args);
    // one reader per stream, each on its own thread, so neither pipe fills and blocks docker
    java.util.concurrent.Executor own = r -> Thread.ofVirtual().start(r);
    CompletableFuture<String> out =
        CompletableFuture.supplyAsync(() -> read(p.getInputStream()), own);
    CompletableFuture<String> err =
        CompletableFuture.supplyAsync(() -> read(p.getErrorStream()), own);
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new EngineException(
            EngineException.Kind.UNREACHABLE,
            "docker " + args.get(0) + " did not answer within " + timeout.toSeconds() + " s");
      }
      return new Result(p.exitValue(), out.join(), err.join());
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      return new Result(-1, "", "interrupted");
    }
  }

  Process start(List<String> args) throws EngineException {
    List<String> argv = new ArrayList<>();
    argv.add(docker);
    argv.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(argv);
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    try {
      return pb.start();
    } catch (IOException e) {
      throw new EngineException(
          EngineException.Kind.REFUSED,
          "cannot run the docker CLI '"
              + docker
              + "' (tollgate.training.containers.docker): "
              + e.getMessage());
    }
  }

  private static String read(InputStream in) {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buf)) != -1) {
        if (kept.size() < MAX_OUTPUT) kept.write(buf, 0, Math.min(n, MAX_OUTPUT - kept.size()));
      }
    } catch (IOException e) {
      // the process ended under us: keep what was read
    }
    return kept.toString(StandardCharsets.UTF_8);
  }
}
