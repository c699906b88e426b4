package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one running command, wherever it runs ({@link Supervised}): streams its output into the
 * worker log, {@code train.log} and the progress parser, asks the listener every tick whether to
 * stop, applies the timeout and the worker's shutdown, and ends it when it must. The contract's
 * side of running (docs/training-contract.md) that the process and the container runner share.
 */
public final class Supervision {
  private static final Logger log = LoggerFactory.getLogger(Supervision.class);
  private static final long PUMP_DRAIN_MILLIS = 5_000;

  /**
   * How the watch ended.
   *
   * @param stopReason why Tollgate stopped the command, or {@code null} when it exited by itself
   * @param stopped how many processes (containers) were stopped
   * @param stderrTail its last stderr lines, for a failure message
   */
  public record Ended(String stopReason, int stopped, List<String> stderrTail) {}

  private Supervision() {}

  public static Ended watch(
      Supervised target,
      RunnerSettings settings,
      Duration timeout,
      Pattern progressRegex,
      RunListener listener,
      LogSink sink,
      RunFolder run,
      Supplier<String> shutdownReason)
      throws IOException {
    Files.writeString(run.sessionFile(), target.describe());
    TrainLog trainLog = new TrainLog(settings.logLimitBytes());
    ProgressLines progress = new ProgressLines(progressRegex, listener);
    OutputPump out =
        OutputPump.start(target.stdout(), LogSink.Stream.STDOUT, sink, trainLog, progress::accept);
    OutputPump err =
        OutputPump.start(target.stderr(), LogSink.Stream.STDERR, sink, trainLog, line -> {});
    String stopReason = null;
    int stopped = 0;
    boolean interrupted = false;
    try {
      stopReason = waitForExit(target, settings.tick(), timeout, listener, shutdownReason);
    } catch (InterruptedException e) {
      interrupted = true;
      stopReason = "interrupted: the worker is stopping";
    }
    try {
      if (stopReason != null) {
        log.info("stopping training command ({}): {}", target.describe().strip(), stopReason);
        stopped = target.stop(settings.grace());
      } else {
        int left = target.afterExit(settings.grace());
        if (left > 0) {
          log.info("training command exited leaving {} processes running; they were stopped", left);
        }
      }
      drain(out, err);
    } catch (InterruptedException e) {
      interrupted = true;
      if (stopReason == null) stopReason = "interrupted: the worker is stopping";
      stopQuietly(target);
    } finally {
      trainLog.writeTo(run.trainLog());
      Files.deleteIfExists(run.sessionFile());
      if (interrupted) Thread.currentThread().interrupt();
    }
    return new Ended(stopReason, stopped, err.lastLines());
  }

  /** Waits for the command's exit; the reason it must be stopped first, or null when it exited. */
  private static String waitForExit(
      Supervised target,
      Duration tick,
      Duration timeout,
      RunListener listener,
      Supplier<String> shutdownReason)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (target.waitFor(Duration.ofNanos(Math.min(left, tick.toNanos())))) return null;
      target.tick();
      if (System.nanoTime() >= deadline)
        return "timed out after " + dev.tollgate.spec.Durations.format(timeout);
      String shutdown = shutdownReason.get();
      if (shutdown != null) return shutdown;
      String reason;
      try {
        reason = listener.stopReason();
      } catch (RuntimeException e) {
        reason = "stopped: " + e.getClass().getSimpleName();
      }
      if (reason != null) return reason;
    }
  }

  static void stopQuietly(Supervised target) {
    try {
      target.stop(Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void drain(OutputPump out, OutputPump err) throws InterruptedException {
    // The pipes close when the last member exits; only a process that escaped the session could
    // hold them open longer, and the run does not wait for it.
    if (!out.join(PUMP_DRAIN_MILLIS) || !err.join(PUMP_DRAIN_MILLIS)) {
      log.warn("a process outside the training command's session still holds its output open");
    }
  }
}
