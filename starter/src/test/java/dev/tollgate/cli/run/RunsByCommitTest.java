package dev.tollgate.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code runs --commit} and {@code run --git} at the command line: the query built from a SHA, and
 * what is refused (exit code 2) before any connection; the address given is one nobody listens on.
 */
class RunsByCommitTest {
  private static final String NOBODY = "127.0.0.1:1";
  private static final String FULL = "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d";

  @TempDir Path dir;

  @Test
  void aFullShaIsMatchedExactlyInAnyCase() {
    assertThat(RunQuery.of(null, null, null, null, FULL.toUpperCase(), false))
        .isEqualTo("WorkflowType = 'PipelineWorkflow' AND TollgateCommit = '" + FULL + "'");
  }

  @Test
  void aPrefixIsMatchedByItsStart() {
    assertThat(RunQuery.of("energy-load", null, null, null, "1A2B3C4", false))
        .isEqualTo(
            "WorkflowType = 'PipelineWorkflow' AND TollgateModel = 'energy-load'"
                + " AND TollgateCommit STARTS_WITH '1a2b3c4'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1a2b3c", "main", "1a2b3c4' OR 'a'='a", "g123456789", ""})
  void aBadShaIsRefusedSayingWhatIsExpected(String sha) {
    CliRun r = CliRun.of("runs", "--commit", sha, "--address", NOBODY);
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .contains("--commit: not a commit SHA (7 to 64 hex digits")
        .doesNotContain("cannot reach");
  }

  @Test
  void runWithGitRefusesASpecOutsideARepository() throws Exception {
    Files.writeString(dir.resolve(".git"), "gitdir: /nonexistent\n"); // no repository above
    Path spec = Files.writeString(dir.resolve("spec.yaml"), BadSpecTest.GOOD);

    CliRun r = CliRun.of("run", "--spec", spec.toString(), "--git", "--address", NOBODY);

    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err())
        .contains("--git: the spec")
        .contains("is not in a git repository")
        .doesNotContain("cannot reach");
  }

  @Test
  void runHelpDocumentsGitAndRunsHelpDocumentsCommit() {
    assertThat(CliRun.of("run", "--help").out()).contains("--git");
    assertThat(CliRun.of("runs", "--help").out()).contains("--commit=SHA");
  }
}
