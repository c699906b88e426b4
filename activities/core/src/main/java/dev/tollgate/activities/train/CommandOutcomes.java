package dev.tollgate.activities.train;

import dev.tollgate.activities.Echo;
import dev.tollgate.activities.Failures;
import dev.tollgate.activities.train.command.CommandOutcome;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * What a training command's outcome means for the train stage: the model file and the command's own
 * metrics when it succeeded; otherwise the failure the activity ends with. Exit 75 and a worker
 * shutdown are retried (another attempt, maybe on another worker); a cancellation ends the activity
 * as cancelled; anything else fails the stage at once, as the same command would fail again.
 */
final class CommandOutcomes {
  /** The failure type of an attempt worth retrying (exit 75, a worker stopping). */
  static final String RETRY = "TollgateTrainingRetry";

  private CommandOutcomes() {}

  /** The model file a successful command left, and its own metrics. */
  record Produced(String file, byte[] bytes, Map<String, Double> reportedMetrics) {}

  static Produced produced(CommandOutcome.Succeeded ok) {
    String file = modelFile(ok.modelFiles());
    try {
      return new Produced(
          file, Files.readAllBytes(ok.modelDir().resolve(file)), ok.reportedMetrics());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the command's model file " + file, e);
    }
  }

  /**
   * {@code model.onnx}, or the one {@code *.onnx} file among several; anything else is refused
   * listing what the command left, so the author sees what to rename.
   */
  static String modelFile(List<String> files) {
    if (files.contains("model.onnx")) return "model.onnx";
    List<String> onnx = files.stream().filter(f -> f.endsWith(".onnx")).toList();
    if (onnx.size() == 1) return onnx.get(0);
    String found = Echo.capped(String.join(", ", files), 500);
    throw Failures.invalidData(
        onnx.isEmpty()
            ? "the training command left no ONNX model: expected model.onnx in"
                + " $TOLLGATE_MODEL_DIR, found "
                + found
            : "the training command left "
                + onnx.size()
                + " ONNX files and no model.onnx; name the model model.onnx. Found "
                + found);
  }

  /**
   * The failure for a command that did not succeed. A cancellation the heartbeat learnt is rethrown
   * as it came (Temporal then records the activity as cancelled).
   */
  static RuntimeException failure(CommandOutcome outcome, CommandHeartbeat heartbeat) {
    return switch (outcome) {
      case CommandOutcome.Failed f ->
          f.retryable()
              ? ApplicationFailure.newFailure(Echo.capped(f.message(), Failures.MAX_MESSAGE), RETRY)
              : Failures.invalidData(f.message());
      case CommandOutcome.Stopped s -> stopped(s, heartbeat);
      case CommandOutcome.Succeeded ok ->
          throw new IllegalArgumentException("a successful outcome is no failure");
    };
  }

  private static RuntimeException stopped(CommandOutcome.Stopped s, CommandHeartbeat heartbeat) {
    heartbeat.rethrowIfStopped();
    String message = "the training command was stopped: " + s.reason();
    if (s.reason().startsWith("timed out")) {
      // the same command on the same rows would run as long again
      return Failures.invalidData(message + " (training.timeout)");
    }
    // a worker stopping (shutdown, interrupted): another attempt starts afresh, maybe elsewhere
    return ApplicationFailure.newFailure(Echo.capped(message, Failures.MAX_MESSAGE), RETRY);
  }
}
