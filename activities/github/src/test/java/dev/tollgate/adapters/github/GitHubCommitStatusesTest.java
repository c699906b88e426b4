package dev.tollgate.adapters.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.commits.CommitStatus;
import dev.tollgate.activities.commits.CommitStatus.State;
import dev.tollgate.activities.commits.CommitStatuses.Upserted;
import dev.tollgate.activities.commits.MarkedComment;
import dev.tollgate.activities.commits.RepositoryName;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Statuses and the one comment, against the stand-in for GitHub's REST API. */
class GitHubCommitStatusesTest {
  static final String TOKEN = "ghs_test-token-never-echoed";
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  static final RepositoryName REPO = RepositoryName.of("acme/models");

  private final FakeGitHub github = fake();
  private final GitHubCommitStatuses statuses =
      new GitHubCommitStatuses(new GitHubSettings(github.apiUrl(), TOKEN));

  @AfterEach
  void stop() {
    github.close();
  }

  @Test
  void postsAStatusWithItsStateDescriptionAndLink() throws Exception {
    statuses.post(REPO, SHA, new CommitStatus(State.PENDING, "tollgate/energy", "training", null));
    statuses.post(
        REPO,
        SHA,
        new CommitStatus(State.of("Failure"), "tollgate/energy", "rmse 0.31 > 0.25", "http://r/1"));

    assertThat(github.statuses)
        .extracting(FakeGitHub.Status::state, FakeGitHub.Status::description)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("pending", "training"),
            org.assertj.core.groups.Tuple.tuple("failure", "rmse 0.31 > 0.25"));
    assertThat(github.statuses.get(1).targetUrl()).isEqualTo("http://r/1");
    assertThat(github.statuses.get(1).sha()).isEqualTo(SHA);
    assertThat(github.requests)
        .allSatisfy(
            r -> {
              assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN);
              assertThat(r.apiVersion()).isEqualTo(GitHubHttp.API_VERSION);
            });
  }

  @Test
  void aLongDescriptionIsCutToWhatGitHubTakes() throws Exception {
    statuses.post(REPO, SHA, new CommitStatus(State.SUCCESS, "tollgate/x", "y".repeat(500), null));

    assertThat(github.statuses.get(0).description()).hasSize(CommitStatus.MAX_DESCRIPTION);
  }

  @Test
  void theCommentIsEditedOnTheNextPushNotRepeated() throws Exception {
    github.addComment("acme/models", 7, "LGTM from a person");
    Upserted first = statuses.upsertComment(REPO, 7, new MarkedComment("validation", "run 1"));
    Upserted second = statuses.upsertComment(REPO, 7, new MarkedComment("validation", "run 2"));

    assertThat(first.created()).isTrue();
    assertThat(second.created()).isFalse();
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(github.comments).hasSize(2);
    assertThat(github.comments.get(1).body())
        .isEqualTo("<!-- tollgate:validation -->\nrun 2")
        .doesNotContain("run 1");
    assertThat(github.comments.get(0).body()).isEqualTo("LGTM from a person");
  }

  @Test
  void theMarkerIsFoundPastTheFirstPageOfComments() throws Exception {
    for (int i = 0; i < 130; i++) github.addComment("acme/models", 9, "comment " + i);
    Upserted first = statuses.upsertComment(REPO, 9, new MarkedComment("validation", "a"));
    Upserted second = statuses.upsertComment(REPO, 9, new MarkedComment("validation", "b"));

    assertThat(second.id()).isEqualTo(first.id());
    assertThat(github.comments).hasSize(131);
  }

  @Test
  void anotherPullRequestsCommentIsNotTouched() throws Exception {
    statuses.upsertComment(REPO, 1, new MarkedComment("validation", "pr 1"));
    statuses.upsertComment(REPO, 2, new MarkedComment("validation", "pr 2"));

    assertThat(github.comments).extracting(FakeGitHub.Comment::issue).containsExactly(1, 2);
  }

  @Test
  void aShortOrForeignShaIsRefusedBeforeAnyCall() {
    assertThatThrownBy(
            () -> statuses.post(REPO, "abc/../x", new CommitStatus(State.SUCCESS, "c", "", null)))
        .hasMessageContaining("SHA");
    assertThat(github.requests).isEmpty();
  }

  private static FakeGitHub fake() {
    try {
      return new FakeGitHub(TOKEN);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
