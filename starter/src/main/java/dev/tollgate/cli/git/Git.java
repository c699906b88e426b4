package dev.tollgate.cli.git;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code git} CLI in one folder, each command with a timeout: a hung git (a credential prompt,
 * a network file system) must not hang {@code tollgate run}. The environment is clean (no {@code
 * GIT_DIR} or {@code GIT_WORK_TREE} of the caller's shell redirects it; no prompt), and stderr is
 * discarded so nothing git prints (a URL with a token in it) reaches the user's terminal.
 */
final class Git {
  private static final int MAX_OUTPUT = 1 << 20;

  private final String program;
  private final Path dir;
  private final Duration timeout;

  Git(Path dir, Duration timeout) {
    this("git", dir, timeout);
  }

  /** {@code program}: another git executable (the tests' stand-ins for a missing or hung one). */
  Git(String program, Path dir, Duration timeout) {
    this.program = program;
    this.dir = dir;
    this.timeout = timeout;
  }

  /** What a git command printed, trimmed; {@code null} when it failed or took too long. */
  String run(String... args) {
    List<String> argv = new ArrayList<>(List.of(program, "-C", dir.toString()));
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv);
    Map<String, String> env = pb.environment();
    String path = env.get("PATH");
    String home = env.get("HOME");
    env.clear();
    if (path != null) env.put("PATH", path);
    if (home != null) env.put("HOME", home);
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("LC_ALL", "C");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new GitUnavailable();
    }
    try {
      p.getOutputStream().close();
      CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p));
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new GitTimedOut(args[0], timeout);
      }
      byte[] bytes = out.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return p.exitValue() == 0 ? new String(bytes, StandardCharsets.UTF_8).trim() : null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new GitTimedOut(args[0], timeout);
    } catch (IOException | java.util.concurrent.ExecutionException e) {
      return null;
    } catch (java.util.concurrent.TimeoutException e) {
      p.destroyForcibly();
      throw new GitTimedOut(args[0], timeout);
    }
  }

  private static byte[] readAll(Process p) {
    try (InputStream in = p.getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_OUTPUT);
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return bytes;
    } catch (IOException e) {
      return new byte[0];
    }
  }

  /** There is no {@code git} on the PATH. */
  static final class GitUnavailable extends RuntimeException {
    GitUnavailable() {
      super("git is not installed (or not on the PATH)");
    }
  }

  /** A git command did not finish in time. */
  static final class GitTimedOut extends RuntimeException {
    GitTimedOut(String command, Duration timeout) {
      super("git " + command + " did not finish in " + timeout.toSeconds() + "s");
    }
  }
}
