package dev.tollgate.adapters.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.activities.commits.CommitStatus;
import dev.tollgate.activities.commits.CommitStatus.State;
import dev.tollgate.activities.commits.CommitStatusException;
import dev.tollgate.activities.commits.CommitStatusException.Kind;
import dev.tollgate.activities.commits.MarkedComment;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each way GitHub refuses, mapped to what the caller must do: retry later (an outage, at the rate
 * limit's reset when GitHub named one) or give up (a refusal); no message names the token.
 */
class GitHubFailuresTest {
  static final String TOKEN = GitHubCommitStatusesTest.TOKEN;
  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  private final FakeGitHub github = fake();
  private final GitHubCommitStatuses statuses =
      new GitHubCommitStatuses(
          new GitHubSettings(github.apiUrl(), TOKEN), Clock.fixed(NOW, ZoneOffset.UTC));

  @AfterEach
  void stop() {
    github.close();
  }

  @Test
  void aWrongTokenIsARefusal() throws IOException {
    GitHubCommitStatuses wrong =
        new GitHubCommitStatuses(new GitHubSettings(github.apiUrl(), "ghs_wrong"));
    CommitStatusException e = post(wrong);

    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    assertThat(e.getMessage())
        .contains("HTTP 401", "Bad credentials", "tollgate.github.token")
        .doesNotContain("ghs_wrong");
  }

  @Test
  void thePrimaryRateLimitIsAnOutageUntilItsReset() {
    long reset = NOW.getEpochSecond() + 1800;
    for (int status : new int[] {403, 429}) {
      github.rateLimitNext(status, reset);
      CommitStatusException e = post(statuses);

      assertThat(e.kind()).isEqualTo(Kind.OUTAGE);
      assertThat(e.retryAt()).contains(Instant.ofEpochSecond(reset));
      assertThat(e.getMessage()).contains("HTTP " + status, "rate-limited until");
    }
  }

  @Test
  void a403WithoutARateLimitIsAPermissionNotAnOutage() {
    github.failNext(403, "Resource not accessible by integration");
    CommitStatusException e = post(statuses);

    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    assertThat(e.retryAt()).isEmpty();
    assertThat(e.getMessage()).contains("Resource not accessible", "permission");
  }

  @Test
  void validationFailedIsARefusal() {
    github.failNext(422, "Validation Failed");
    CommitStatusException e =
        catchThrowableOfType(
            CommitStatusException.class,
            () ->
                statuses.upsertComment(
                    GitHubCommitStatusesTest.REPO, 3, new MarkedComment("validation", "x")));

    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    assertThat(e.getMessage()).contains("HTTP 422", "Validation Failed");
  }

  @Test
  void aServerErrorIsAnOutage() {
    github.failNext(500, "Server Error");
    CommitStatusException e = post(statuses);

    assertThat(e.kind()).isEqualTo(Kind.OUTAGE);
    assertThat(e.retryAt()).isEmpty();
  }

  @Test
  void nobodyListeningIsAnOutage() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    GitHubCommitStatuses down =
        new GitHubCommitStatuses(new GitHubSettings("http://127.0.0.1:" + port, TOKEN));
    CommitStatusException e = post(down);

    assertThat(e.kind()).isEqualTo(Kind.OUTAGE);
    assertThat(e.getMessage()).contains("did not answer").doesNotContain(TOKEN);
  }

  @Test
  void anAnswerWhoseBodyDripsIsAnOutageAtTheTimeout() {
    github.stallNext(10_000);
    GitHubCommitStatuses impatient =
        new GitHubCommitStatuses(
            new GitHubSettings(github.apiUrl(), TOKEN, java.time.Duration.ofSeconds(1)));
    long start = System.nanoTime();
    CommitStatusException e = post(impatient);

    assertThat(e.kind()).isEqualTo(Kind.OUTAGE);
    assertThat(e.getMessage()).contains("no answer within 1 s");
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(java.time.Duration.ofSeconds(5));
  }

  @Test
  void theSettingsNeverShowTheToken() {
    assertThat(new GitHubSettings(github.apiUrl(), TOKEN).toString()).doesNotContain(TOKEN);
  }

  private static CommitStatusException post(GitHubCommitStatuses to) {
    return catchThrowableOfType(
        CommitStatusException.class,
        () ->
            to.post(
                GitHubCommitStatusesTest.REPO,
                GitHubCommitStatusesTest.SHA,
                new CommitStatus(State.SUCCESS, "tollgate/energy", "ok", null)));
  }

  private static FakeGitHub fake() {
    try {
      return new FakeGitHub(TOKEN);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
