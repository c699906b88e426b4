package dev.tollgate.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.stages.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --summary-md}: only with --wait; appends, as $GITHUB_STEP_SUMMARY expects. */
class SummaryMarkdownOptionTest {
  @TempDir Path dir;

  @Test
  void withoutWaitItIsABadCommandLineAndNothingStarts() throws IOException {
    Path spec = dir.resolve("s.yaml");
    Files.writeString(spec, BadSpecTest.GOOD);

    CliRun run =
        CliRun.of(
            "run",
            "--spec",
            spec.toString(),
            "--summary-md",
            dir.resolve("s.md").toString(),
            "--address",
            "127.0.0.1:1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--summary-md needs --wait").doesNotContain("cannot reach");
  }

  @Test
  void theSummaryIsAppendedToWhatTheFileHolds() throws IOException {
    Path file = Files.writeString(dir.resolve("summary.md"), "# earlier step\n");
    StringWriter err = new StringWriter();

    SummaryFile.append(file, deployed(), new PrintWriter(err));

    assertThat(Files.readString(file))
        .startsWith("# earlier step\n## ✅ energy-load v4: DEPLOYED\n")
        .contains("| rmse | 25.9 |");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aFileThatCannotBeWrittenIsANoteNotAFailure() {
    StringWriter err = new StringWriter();

    SummaryFile.append(dir.resolve("no/such/folder/s.md"), deployed(), new PrintWriter(err));

    assertThat(err.toString()).startsWith("note: the summary could not be written to ");
  }

  private static PipelineResult deployed() {
    return new PipelineResult(
        Outcome.DEPLOYED,
        "energy-load",
        "energy-load/r-2",
        4,
        Map.of("rmse", 25.9),
        null,
        null,
        List.of(),
        3,
        null,
        null,
        List.of(),
        null,
        null);
  }
}
