package dev.tollgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A long-running child process (a server, a worker) whose output goes to a log file. Every one
 * started is destroyed by a JVM shutdown hook too, so an aborted test run leaves none behind.
 */
final class BackgroundProcess {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    LIVE.forEach(
                        p -> {
                          p.descendants().forEach(ProcessHandle::destroyForcibly);
                          p.destroyForcibly();
                        }),
                "it-process-reaper"));
  }

  private final String name;
  private final Path log;
  private final Process process;

  /** Where this start's output begins in the log (an earlier start's or IT run's came before). */
  private final long startOffset;

  private BackgroundProcess(String name, Path log, Process process, long startOffset) {
    this.name = name;
    this.log = log;
    this.process = process;
    this.startOffset = startOffset;
  }

  /** Starts {@code command}, appending its stdout and stderr to {@code log}. */
  static BackgroundProcess start(
      String name, List<String> command, Map<String, String> env, Path log) {
    try {
      Files.writeString(
          log,
          "\n=== " + Instant.now() + " starting " + name + ": " + String.join(" ", command) + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().putAll(env);
      long startOffset = Files.size(log);
      Process process = builder.start();
      LIVE.add(process);
      return new BackgroundProcess(name, log, process, startOffset);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  /** SIGTERM, then SIGKILL if it has not ended within {@code grace}. */
  void stop(Duration grace) {
    if (process.isAlive()) {
      process.destroy();
      if (!waitFor(grace)) kill();
    }
    LIVE.remove(process);
  }

  /** Sends a signal by name ("INT", "TERM"), as Ctrl-C or a service manager would. */
  void signal(String name) {
    ProcResult sent =
        Commands.run(
            List.of("kill", "-" + name, Long.toString(process.pid())),
            Map.of(),
            Duration.ofSeconds(10));
    if (sent.exitCode() != 0) throw new IllegalStateException("kill -" + name + ": " + sent);
  }

  /** Waits for the process to end and returns its exit code; fails if it outlives the timeout. */
  int awaitExit(Duration timeout) {
    if (!waitFor(timeout)) {
      throw new IllegalStateException(name + " still runs " + timeout.toSeconds() + " s later");
    }
    LIVE.remove(process);
    return process.exitValue();
  }

  /** SIGKILL: the process gets no chance to clean up, as in a crash or an OOM kill. */
  void kill() {
    process.destroyForcibly();
    if (!waitFor(Duration.ofSeconds(30))) {
      throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
    }
    LIVE.remove(process);
  }

  /**
   * Waits until this start's part of the log contains {@code text} (the log is appended to: a
   * restart's or a rerun's "ready" from before must not count); fails early, with the log's end, if
   * the process exits.
   */
  void awaitLog(String text, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (sinceStart().contains(text)) return;
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with code "
                + process.exitValue()
                + " before '"
                + text
                + "'. "
                + tail());
      }
      sleep(Duration.ofMillis(250));
    }
    throw new IllegalStateException(
        name + " did not print '" + text + "' within " + timeout.toSeconds() + " s. " + tail());
  }

  private String sinceStart() {
    try {
      byte[] all = Files.readAllBytes(log);
      int from = (int) Math.min(startOffset, all.length);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The last lines of the log and where the whole of it is, for failure messages. */
  String tail() {
    List<String> lines = logText().lines().toList();
    List<String> last = lines.subList(Math.max(0, lines.size() - 30), lines.size());
    return "Log " + log + " ends with:\n  " + String.join("\n  ", last);
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
