package dev.tollgate.activities.commits;

import dev.tollgate.github.CommentPost;
import dev.tollgate.github.CommitActivities;
import dev.tollgate.github.DeliveryPlan;
import dev.tollgate.github.GitHubDelivery;
import dev.tollgate.github.StatusPost;
import dev.tollgate.github.StatusPosted;
import dev.tollgate.stages.CommitLineage;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's side of a GitHub delivery: the commit from the configured remote ({@link
 * CommitCheckouts}), the affected specs parsed from its checkout ({@link AffectedSpecs}), and the
 * results back through {@link CommitStatuses} ({@link StatusCalls}).
 */
public final class CommitActivitiesImpl implements CommitActivities {
  private static final Logger log = LoggerFactory.getLogger(CommitActivitiesImpl.class);

  private final CommitCheckouts checkouts;
  private final CommitDiffs diffs;
  private final StatusCalls statuses;
  private final MeterRegistry meters;

  /**
   * @param statuses the host's API, or {@code null} when no token is configured (then nothing is
   *     posted and every post answers "not posted")
   */
  public CommitActivitiesImpl(
      CommitCheckouts checkouts,
      GitProcess git,
      CommitStatuses statuses,
      java.time.Clock clock,
      MeterRegistry meters) {
    this.checkouts = checkouts;
    this.diffs = new CommitDiffs(checkouts, git);
    this.statuses = new StatusCalls(statuses, clock);
    this.meters = meters;
  }

  @Override
  public DeliveryPlan plan(GitHubDelivery delivery) {
    RepositoryName repository;
    try {
      repository = RepositoryName.of(delivery.repository());
    } catch (IllegalArgumentException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), "InvalidDelivery");
    }
    String sha = delivery.sha() == null ? "" : delivery.sha().strip().toLowerCase(Locale.ROOT);
    CommitCheckouts.Checkout at;
    try {
      at = checkouts.fetch(repository, sha);
    } catch (CommitCheckouts.CommitNotFound e) {
      count("not_found");
      throw ApplicationFailure.newNonRetryableFailure(
          e.getMessage(), CommitActivities.COMMIT_NOT_FOUND);
    } catch (GitProcess.GitFailure e) {
      count("failed");
      throw ApplicationFailure.newFailure(e.getMessage(), "GitUnavailable");
    }
    count("fetched");
    boolean pullRequest = "pull_request".equals(delivery.event());
    ChangedFiles changed;
    AffectedSpecs.Found found;
    String author;
    try {
      changed = diffs.changed(at, repository, delivery.baseSha(), pullRequest);
      found = AffectedSpecs.find(at.files(), checkouts.settings().specPaths(), changed);
      author = diffs.author(at);
    } catch (GitProcess.GitFailure e) {
      throw ApplicationFailure.newFailure(e.getMessage(), "GitUnavailable");
    }
    CommitLineage commit =
        new CommitLineage(
            checkouts.settings().shownRemoteOf(repository),
            branch(delivery.ref()),
            sha,
            author,
            false);
    log.info(
        "delivery {}: {} {} changed {}; {} spec(s) to run, {} that do not parse",
        delivery.deliveryId(),
        repository,
        commit.label(),
        changed,
        found.runs().size(),
        found.problems().size());
    return new DeliveryPlan(commit, found.runs(), found.problems());
  }

  @Override
  public StatusPosted postStatus(StatusPost post) {
    return statuses.post(post);
  }

  @Override
  public StatusPosted upsertComment(CommentPost post) {
    return statuses.comment(post);
  }

  /** {@code refs/heads/main} → {@code main}; a pull request's head ref is already a branch. */
  static String branch(String ref) {
    if (ref == null || ref.isBlank()) return null;
    return ref.startsWith("refs/heads/") ? ref.substring("refs/heads/".length()) : ref;
  }

  private void count(String outcome) {
    if (meters != null) meters.counter("tollgate.github.fetches", "outcome", outcome).increment();
  }
}
