package dev.tollgate.activities.commits;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@code git} CLI, one command at a time, each within a timeout (a hung fetch must not hold an
 * activity slot for ever, a credential prompt must not hang {@code tollgate run --git}). The one
 * way Tollgate runs git: deliveries' checkouts, a training command's code version, the CLI's {@code
 * --git}. The environment is clean: no {@code GIT_DIR} of the worker's shell, no credential prompt
 * ({@code GIT_TERMINAL_PROMPT=0}), only the transports a remote may use ({@code
 * GIT_ALLOW_PROTOCOL}: never {@code ext::}, which runs a command). Stderr is read and dropped: git
 * prints the remote's URL there, which may carry a token, so nothing git says reaches a message.
 */
public final class GitProcess {
  private static final int MAX_OUTPUT = 4 << 20;

  private final String program;
  private final Duration timeout;

  public GitProcess(Duration timeout) {
    this("git", timeout);
  }

  /** {@code program}: another executable (tests' stand-ins for a missing or hung git). */
  public GitProcess(String program, Duration timeout) {
    this.program = program;
    this.timeout = timeout;
  }

  /** What a finished command said: its exit code and standard output (at most 4 MiB). */
  public record Result(int exit, String out) {
    public boolean ok() {
      return exit == 0;
    }
  }

  /**
   * Runs {@code git args...} in {@code dir}.
   *
   * @throws GitFailure when git is missing or does not finish in time (the process is killed)
   */
  public Result run(Path dir, String... args) {
    List<String> argv = new ArrayList<>(List.of(program));
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
    Map<String, String> env = pb.environment();
    String path = env.get("PATH");
    String home = env.get("HOME");
    env.clear();
    if (path != null) env.put("PATH", path);
    if (home != null) env.put("HOME", home);
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_ALLOW_PROTOCOL", "file:https:http:ssh:git");
    env.put("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
    env.put("LC_ALL", "C");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new GitFailure("git is not installed (or not on the PATH)");
    }
    String command = args.length == 0 ? "" : args[0];
    try {
      p.getOutputStream().close();
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p));
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(p);
        throw timedOut(command);
      }
      byte[] bytes = out.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return new Result(p.exitValue(), new String(bytes, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill(p);
      throw timedOut(command);
    } catch (IOException | ExecutionException | TimeoutException e) {
      kill(p);
      throw timedOut(command);
    }
  }

  /** git and what it started (a fetch's {@code git-remote-https}, ssh), so none outlives it. */
  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }

  private GitFailure timedOut(String command) {
    return new GitFailure("git " + command + " did not finish in " + timeout.toSeconds() + "s");
  }

  private static byte[] readAll(Process p) {
    try (InputStream in = p.getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_OUTPUT);
      in.transferTo(OutputStream.nullOutputStream());
      return bytes;
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /** git is missing or hung: worth another attempt later (a network file system, a slow remote). */
  public static final class GitFailure extends RuntimeException {
    public GitFailure(String message) {
      super(message);
    }
  }
}
