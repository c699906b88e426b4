package dev.tollgate.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.notify.SampleEvents;
import dev.tollgate.stages.CommitLineage;
import dev.tollgate.stages.RunFinished;
import dev.tollgate.stages.RunStarted;
import org.junit.jupiter.api.Test;

/** A run started at a commit says which in Slack: the short SHA with its ref, and the author. */
class SlackCommitTest {
  private final SlackMessages messages = new SlackMessages("");
  private static final CommitLineage COMMIT =
      new CommitLineage(
          "https://github.com/acme/energy.git",
          "main",
          "1a2b3c4d5e6f7a8b9c0d1a2b3c4d5e6f7a8b9c0d",
          "Ada <!channel> Lovelace",
          true);

  @Test
  void theStartedMessageShowsTheShortShaWithItsRef() throws Exception {
    String json =
        Golden.json(
            messages.render(
                new RunStarted(SampleEvents.header("started"), "manual", "alice", "", COMMIT),
                true));
    assertThat(json)
        .contains("commit `main@1a2b3c4 (dirty)` by Ada &lt;!channel&gt; Lovelace")
        .doesNotContain(COMMIT.sha())
        .doesNotContain("<!channel>");
  }

  @Test
  void theFinishedMessageShowsItToo() throws Exception {
    RunFinished finished = SampleEvents.deployedAt(COMMIT);
    assertThat(Golden.json(messages.render(finished, true))).contains("main@1a2b3c4");
  }

  @Test
  void aRunWithoutACommitSaysNothingOfOne() throws Exception {
    assertThat(Golden.json(messages.render(SampleEvents.runStarted(), true)))
        .doesNotContain("commit");
  }
}
