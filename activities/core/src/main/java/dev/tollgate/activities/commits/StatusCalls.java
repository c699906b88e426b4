package dev.tollgate.activities.commits;

import dev.tollgate.github.CommentPost;
import dev.tollgate.github.StatusPost;
import dev.tollgate.github.StatusPosted;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statuses and the pull-request comment, with the host's failures turned into what Temporal does
 * with them: an outage is a retryable failure whose next retry waits for the host's own retry time
 * (a rate limit's reset), so the status is posted when the host is back, once; a refusal is
 * returned as "not posted" and logged, and the run goes on.
 */
final class StatusCalls {
  private static final Logger log = LoggerFactory.getLogger(StatusCalls.class);

  /** The failure type of a post the host could not take now. */
  static final String OUTAGE = "CommitStatusOutage";

  private static final Duration LEAST_DELAY = Duration.ofSeconds(1);

  private final CommitStatuses host; // null: no token configured
  private final Clock clock;

  StatusCalls(CommitStatuses host, Clock clock) {
    this.host = host;
    this.clock = clock;
  }

  StatusPosted post(StatusPost post) {
    if (host == null) return notConfigured();
    CommitStatus status;
    RepositoryName repository;
    try {
      repository = RepositoryName.of(post.repository());
      status =
          new CommitStatus(
              CommitStatus.State.of(post.state()),
              post.context(),
              post.description(),
              post.targetUrl());
    } catch (IllegalArgumentException | NullPointerException e) {
      return refused("status not posted: " + e.getMessage());
    }
    try {
      host.post(repository, post.sha(), status);
      return new StatusPosted(true, "");
    } catch (CommitStatusException e) {
      return failed(e);
    }
  }

  StatusPosted comment(CommentPost post) {
    if (host == null) return notConfigured();
    MarkedComment comment;
    RepositoryName repository;
    try {
      repository = RepositoryName.of(post.repository());
      comment = new MarkedComment(post.key(), post.body());
    } catch (IllegalArgumentException e) {
      return refused("comment not posted: " + e.getMessage());
    }
    try {
      CommitStatuses.Upserted done = host.upsertComment(repository, post.pullRequest(), comment);
      log.info(
          "{} comment {} on {}#{}",
          done.created() ? "added" : "updated",
          done.id(),
          repository,
          post.pullRequest());
      return new StatusPosted(true, "");
    } catch (CommitStatusException e) {
      return failed(e);
    }
  }

  private StatusPosted failed(CommitStatusException e) {
    if (e.kind() == CommitStatusException.Kind.REJECTED) return refused(e.getMessage());
    ApplicationFailure.Builder failure =
        ApplicationFailure.newBuilder().setType(OUTAGE).setMessage(e.getMessage());
    e.retryAt()
        .map(at -> Duration.between(Instant.now(clock), at))
        .map(d -> d.compareTo(LEAST_DELAY) < 0 ? LEAST_DELAY : d)
        .ifPresent(failure::setNextRetryDelay);
    log.warn("GitHub cannot take it now, retried later: {}", e.getMessage());
    throw failure.build();
  }

  private static StatusPosted refused(String note) {
    log.warn("GitHub refused it; the run goes on: {}", note);
    return new StatusPosted(false, note);
  }

  private static StatusPosted notConfigured() {
    return new StatusPosted(
        false, "no GitHub token configured (TOLLGATE_GITHUB_TOKEN): nothing is posted");
  }
}
