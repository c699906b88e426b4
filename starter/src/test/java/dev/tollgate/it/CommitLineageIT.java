package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code tollgate run --git} on a spec in a git work tree records the commit, and {@code tollgate
 * runs --commit} finds the run by a 7-character prefix of it (a {@code STARTS_WITH} query on the
 * dev server's visibility store) and by the full SHA, but not by another commit's.
 */
@ExtendWith(SharedStack.class)
class CommitLineageIT {
  private static final String MODEL = "it-lineage";
  private static final String RUN = MODEL + "/r1";
  private static final Duration INDEXED = Duration.ofSeconds(30);

  @Test
  void aRunStartedWithGitIsFoundByItsCommit() {
    SharedStack stack = SharedStack.get();
    Cli cli = stack.cli();
    Runs runs = new Runs(cli, () -> stack.worker().tail());
    Path dir = ItSettings.newWorkDir("lineage-repo");
    GitRepos repo = GitRepos.local(dir);
    Path spec = ItSpecs.write(dir.resolve("specs"), ItSpecs.Spec.quick(MODEL).size(1500, 20));
    String sha = repo.commit("the energy model");

    ProcResult started = cli.run("run", "--spec", spec.toString(), "--git", "--run-id", "r1");
    assertThat(started.exitCode()).as(started.toString()).isZero();
    try {
      runs.awaitStage(RUN, "AWAITING_APPROVAL", Duration.ofMinutes(3));
      ProcResult byPrefix =
          Await.until(
              "`tollgate runs --commit " + sha.substring(0, 7) + "` to list " + RUN,
              INDEXED,
              () -> cli.run("runs", "--commit", sha.substring(0, 7)),
              r -> r.exitCode() == 0 && r.out().contains("pipeline/" + RUN),
              () -> stack.worker().tail());
      assertThat(byPrefix.out()).doesNotContain("No runs match");
      assertThat(cli.run("runs", "--commit", sha.toUpperCase()).out()).contains("pipeline/" + RUN);
      String other = (sha.charAt(0) == 'a' ? "b" : "a") + sha.substring(1, 7);
      assertThat(cli.run("runs", "--commit", other).out()).doesNotContain("pipeline/" + RUN);

      JsonNode described =
          Visibility.describe(stack.server(), SharedStack.NAMESPACE, "pipeline/" + RUN);
      assertThat(Visibility.searchAttributes(described).get("TollgateCommit").asText())
          .isEqualTo(sha);
    } finally {
      // the shared worker's other tests must not find a run of ours waiting for approval
      cli.run("cancel", RUN, "--by", "it", "--reason", "lineage checked");
    }
  }
}
