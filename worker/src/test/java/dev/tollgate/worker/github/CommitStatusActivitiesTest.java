package dev.tollgate.worker.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.activities.commits.CheckoutSettings;
import dev.tollgate.activities.commits.CommitActivitiesImpl;
import dev.tollgate.activities.commits.CommitCheckouts;
import dev.tollgate.activities.commits.GitProcess;
import dev.tollgate.adapters.github.FakeGitHub;
import dev.tollgate.github.CommentPost;
import dev.tollgate.github.StatusPost;
import dev.tollgate.github.StatusPosted;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery's statuses and comment through the worker's GitHub adapter, against the stand-in:
 * GitHub down or rate-limited is a retryable failure that waits for GitHub's own retry time, a
 * refusal is "not posted" and the run goes on, and the pull request keeps one comment.
 */
class CommitStatusActivitiesTest {
  private static final String TOKEN = "ghp_test_token";
  private static final Instant NOW = Instant.ofEpochSecond(2_000_000_000L);
  private static final String SHA = "a".repeat(40);

  FakeGitHub github;
  CommitActivitiesImpl activities;

  @BeforeEach
  void start() throws Exception {
    github = new FakeGitHub(TOKEN);
    GitHubProperties settings =
        new GitHubProperties(
            false, "", github.apiUrl(), TOKEN, List.of("main"), null, null, null, null);
    GitProcess git = new GitProcess(Duration.ofSeconds(5));
    Path nowhere = Path.of("/nonexistent-tollgate");
    activities =
        new CommitActivitiesImpl(
            new CommitCheckouts(
                new CheckoutSettings(
                    "/srv/git", nowhere, nowhere, List.of(), Duration.ofSeconds(5)),
                git),
            git,
            GitHubConfig.commitStatuses(settings).orElseThrow(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            null);
  }

  @AfterEach
  void stop() {
    github.close();
  }

  static StatusPost status(String state) {
    return new StatusPost(
        "acme/models", SHA, "tollgate/specs/energy.yaml", state, "training", "http://r/1");
  }

  @Test
  void aStatusIsPostedInAnyCase() {
    assertThat(activities.postStatus(status("Pending"))).isEqualTo(new StatusPosted(true, ""));

    assertThat(github.statuses).hasSize(1);
    assertThat(github.statuses.getFirst().state()).isEqualTo("pending");
    assertThat(github.statuses.getFirst().context()).isEqualTo("tollgate/specs/energy.yaml");
  }

  @Test
  void aRateLimitIsARetryableFailureThatWaitsForTheReset() {
    github.rateLimitNext(403, NOW.getEpochSecond() + 90);

    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.postStatus(status("success")));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(90));
    assertThat(failure.getOriginalMessage()).doesNotContain(TOKEN);
    assertThat(github.statuses).isEmpty();
    // Temporal's retry: GitHub is back, the status is posted, once
    assertThat(activities.postStatus(status("success")).posted()).isTrue();
    assertThat(github.statuses).hasSize(1);
  }

  @Test
  void gitHubDownIsRetriedOnTemporalsOwnSchedule() {
    github.failNext(502, "Bad gateway");

    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities.postStatus(status("failure")));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getNextRetryDelay()).isNull();
  }

  @Test
  void aRefusalIsNotPostedAndNotThrown() {
    github.failNext(422, "Validation Failed");

    StatusPosted answer = activities.postStatus(status("success"));

    assertThat(answer.posted()).isFalse();
    assertThat(answer.note()).contains("422").doesNotContain(TOKEN);
  }

  @Test
  void anUnknownStateIsNotPosted() {
    assertThat(activities.postStatus(status("green")).posted()).isFalse();
    assertThat(github.requests).isEmpty();
  }

  @Test
  void thePullRequestKeepsOneCommentUpdatedOnEveryPush() {
    assertThat(activities.upsertComment(new CommentPost("acme/models", 7, "pr-7", "v1")).posted())
        .isTrue();
    assertThat(activities.upsertComment(new CommentPost("acme/models", 7, "pr-7", "v2")).posted())
        .isTrue();

    assertThat(github.comments).hasSize(1);
    assertThat(github.comments.getFirst().body()).contains("v2").contains("<!-- tollgate:pr-7 -->");
    assertThat(github.requests).extracting(FakeGitHub.Request::method).contains("PATCH");
  }
}
