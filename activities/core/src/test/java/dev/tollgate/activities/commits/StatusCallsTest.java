package dev.tollgate.activities.commits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.github.CommentPost;
import dev.tollgate.github.StatusPost;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The host's failures as Temporal sees them, without a host: the rules alone. */
class StatusCallsTest {
  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  static final StatusPost POST =
      new StatusPost("acme/models", "a".repeat(40), "tollgate", "ERROR", "no such commit", null);

  static StatusCalls failing(CommitStatusException e) {
    CommitStatuses host =
        new CommitStatuses() {
          @Override
          public void post(RepositoryName r, String sha, CommitStatus s)
              throws CommitStatusException {
            throw e;
          }

          @Override
          public Upserted upsertComment(RepositoryName r, int pr, MarkedComment c)
              throws CommitStatusException {
            throw e;
          }
        };
    return new StatusCalls(host, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void withoutATokenNothingIsPostedAndTheNoteNamesTheSetting() {
    StatusCalls calls = new StatusCalls(null, Clock.systemUTC());

    assertThat(calls.post(POST).posted()).isFalse();
    assertThat(calls.comment(new CommentPost("acme/models", 1, "pr-1", "x")).note())
        .contains("TOLLGATE_GITHUB_TOKEN");
  }

  @Test
  void anOutageWithAResetWaitsUntilItAndOneAlreadyPastWaitsASecond() {
    var later =
        new CommitStatusException(
            CommitStatusException.Kind.OUTAGE, "rate-limited", NOW.plusSeconds(600), null);
    var past =
        new CommitStatusException(
            CommitStatusException.Kind.OUTAGE, "rate-limited", NOW.minusSeconds(5), null);

    assertThat(
            catchThrowableOfType(ApplicationFailure.class, () -> failing(later).post(POST))
                .getNextRetryDelay())
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(
            catchThrowableOfType(ApplicationFailure.class, () -> failing(past).post(POST))
                .getNextRetryDelay())
        .isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aRefusedCommentIsReturnedNotThrown() {
    var refused = new CommitStatusException(CommitStatusException.Kind.REJECTED, "HTTP 404");

    var answer = failing(refused).comment(new CommentPost("acme/models", 3, "pr-3", "body"));

    assertThat(answer.posted()).isFalse();
    assertThat(answer.note()).isEqualTo("HTTP 404");
  }

  @Test
  void anOutageOfTheCommentIsRetryable() {
    var down = new CommitStatusException(CommitStatusException.Kind.OUTAGE, "HTTP 503");

    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> failing(down).comment(new CommentPost("acme/models", 3, "pr-3", "body")));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo(StatusCalls.OUTAGE);
  }
}
