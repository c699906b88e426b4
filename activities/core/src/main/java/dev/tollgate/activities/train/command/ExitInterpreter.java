package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Reads a finished command's exit code and folders as the contract says: 0 with a model succeeds; 0
 * without one fails, listing what it wrote instead; 75 (EX_TEMPFAIL) fails for a retry; any other
 * code fails for good with the command's {@code failure} file (its first 1 KB) or its last stderr
 * lines; 137 (SIGKILL, usually the kernel's OOM killer) says so.
 */
public final class ExitInterpreter {
  static final int EX_TEMPFAIL = 75;
  static final int FAILURE_BYTES = 1024;

  private ExitInterpreter() {}

  public static CommandOutcome interpret(
      int exit, RunFolder run, List<String> stderrTail, Path workdir, Instant started)
      throws IOException {
    Path root = run.root();
    if (exit == 0) {
      String link = Listing.firstLink(run.model());
      if (link != null) {
        return new CommandOutcome.Failed(
            root,
            "TOLLGATE_MODEL_DIR holds a symbolic link, '"
                + link
                + "': write or copy the model's files into the folder itself",
            0,
            false);
      }
      List<String> model = Listing.files(run.model());
      if (model.isEmpty()) {
        return new CommandOutcome.Failed(root, Listing.noModel(run, workdir, started), 0, false);
      }
      try {
        Map<String, Double> metrics = MetricsFile.read(run.output().resolve("metrics.json"));
        return new CommandOutcome.Succeeded(
            root, run.model(), model, metrics, Duration.between(started, Instant.now()));
      } catch (MetricsFile.Invalid e) {
        return new CommandOutcome.Failed(root, e.getMessage(), 0, false);
      }
    }
    String reason = reason(run.output().resolve("failure"), stderrTail);
    if (exit == EX_TEMPFAIL) {
      return new CommandOutcome.Failed(
          root, "exit 75 (EX_TEMPFAIL, will be retried): " + reason, exit, true);
    }
    if (exit == 128 + 9) {
      return new CommandOutcome.Failed(
          root, "killed (137): likely out of memory; " + reason, exit, false);
    }
    String signal = exit > 128 && exit < 128 + 32 ? " (" + signalName(exit - 128) + ")" : "";
    return new CommandOutcome.Failed(root, "exit " + exit + signal + ": " + reason, exit, false);
  }

  /**
   * The failure file's first 1 KB, else the last stderr lines, else a note that there was neither.
   */
  static String reason(Path failureFile, List<String> stderrTail) throws IOException {
    if (Files.isRegularFile(failureFile)) {
      byte[] head;
      try (InputStream in = Files.newInputStream(failureFile)) {
        head = in.readNBytes(FAILURE_BYTES);
      }
      String text = new String(head, StandardCharsets.UTF_8).strip();
      if (!text.isEmpty()) return text;
    }
    if (!stderrTail.isEmpty()) {
      return "last lines of stderr:\n" + String.join("\n", stderrTail);
    }
    return "no TOLLGATE_OUTPUT_DIR/failure file and nothing on stderr";
  }

  private static String signalName(int n) {
    return switch (n) {
      case 1 -> "SIGHUP";
      case 2 -> "SIGINT";
      case 6 -> "SIGABRT";
      case 11 -> "SIGSEGV";
      case 15 -> "SIGTERM";
      default -> "signal " + n;
    };
  }
}
