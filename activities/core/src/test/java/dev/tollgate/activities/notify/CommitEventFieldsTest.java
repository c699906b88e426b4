package dev.tollgate.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.stages.CommitLineage;
import dev.tollgate.stages.RunFinished;
import dev.tollgate.stages.RunStarted;
import org.junit.jupiter.api.Test;

/**
 * The commit in the events file's and a webhook's fields: the registry's lineage keys on the
 * started and finished events of a run started at a commit, nothing on a run without one.
 */
class CommitEventFieldsTest {
  static final CommitLineage COMMIT =
      new CommitLineage(
          "https://github.com/acme/energy.git",
          "main",
          "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d",
          "Ada Lovelace",
          false);

  private static RunStarted started(CommitLineage commit) {
    return new RunStarted(SampleEvents.header("started"), "manual", "alice", "", commit);
  }

  @Test
  void aRunStartedAtACommitNamesIt() {
    assertThat(EventFields.of(started(COMMIT)))
        .containsEntry("git_commit", COMMIT.sha())
        .containsEntry("git_ref", "main")
        .containsEntry("git_repository", "https://github.com/acme/energy.git")
        .containsEntry("git_dirty", "false")
        .containsEntry("git_author", "Ada Lovelace")
        .containsEntry("triggered_by", "alice");
  }

  @Test
  void aRunWithoutACommitHasTheFieldsItAlwaysHad() {
    assertThat(EventFields.of(started(null)).keySet())
        .containsExactlyInAnyOrder("trigger", "triggered_by", "reason");
  }

  @Test
  void theFinishedEventNamesTheCommitOfTheRegisteredVersion() {
    RunFinished finished = SampleEvents.deployedAt(COMMIT);
    assertThat(EventFields.of(finished))
        .containsEntry("version", "4")
        .containsEntry("git_commit", COMMIT.sha());
  }
}
