package dev.tollgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short command to its end with a time limit, capturing stdout and stderr, and appends the
 * whole exchange to a transcript log (target/it-logs/commands.log) that failures can point to.
 */
final class Commands {
  private Commands() {}

  static Path transcript() {
    return ItSettings.logDir().resolve("commands.log");
  }

  static ProcResult run(List<String> command, Map<String, String> env, Duration timeout) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("it-cmd-", ".out");
      err = Files.createTempFile("it-cmd-", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().putAll(env);
      Instant started = Instant.now();
      Process process = builder.start();
      int code;
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        code = process.exitValue();
      } else {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        code = -1;
        Files.writeString(
            err,
            "\n[it] killed: still running after " + timeout.toSeconds() + " s\n",
            StandardOpenOption.APPEND);
      }
      ProcResult result =
          new ProcResult(
              List.copyOf(command),
              code,
              Files.readString(out, StandardCharsets.UTF_8),
              Files.readString(err, StandardCharsets.UTF_8));
      record(result, Duration.between(started, Instant.now()));
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static synchronized void record(ProcResult result, Duration took) throws IOException {
    Files.writeString(
        transcript(),
        "=== " + Instant.now() + " (" + took.toMillis() + " ms) " + result + "\n\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private static void deleteQuietly(Path file) {
    if (file == null) return;
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temp file left behind is harmless
    }
  }
}
