package dev.tollgate.cli.run;

import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.RunSummaryMarkdown;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * {@code run --summary-md FILE}: the ended run's markdown summary, appended, since {@code
 * $GITHUB_STEP_SUMMARY} collects every step's summary in one file. A file that cannot be written is
 * a note on stderr, not a change of exit code: the run's outcome is what a CI job gates on.
 */
final class SummaryFile {
  private SummaryFile() {}

  static void append(Path file, PipelineResult result, PrintWriter err) {
    try {
      Files.writeString(
          file,
          RunSummaryMarkdown.render(result) + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException | RuntimeException e) {
      err.println("note: the summary could not be written to " + file + ": " + e.getMessage());
      err.flush();
    }
  }
}
