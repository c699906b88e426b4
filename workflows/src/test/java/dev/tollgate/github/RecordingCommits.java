package dev.tollgate.github;

import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link CommitActivities} as a test needs them: the plan it is given (or the commit not found),
 * every status and comment recorded, and the first {@link #outages} posts failing as GitHub down.
 */
final class RecordingCommits implements CommitActivities {
  volatile DeliveryPlan plan;
  volatile boolean commitMissing;
  final AtomicInteger plans = new AtomicInteger();
  final AtomicInteger outages = new AtomicInteger();
  final AtomicInteger attempts = new AtomicInteger();
  final List<StatusPost> statuses = new CopyOnWriteArrayList<>();
  final List<CommentPost> comments = new CopyOnWriteArrayList<>();

  @Override
  public DeliveryPlan plan(GitHubDelivery delivery) {
    plans.incrementAndGet();
    if (commitMissing) {
      throw ApplicationFailure.newNonRetryableFailure(
          "commit " + delivery.sha() + " is not on the remote", COMMIT_NOT_FOUND);
    }
    return plan;
  }

  @Override
  public StatusPosted postStatus(StatusPost post) {
    attempts.incrementAndGet();
    if (outages.getAndDecrement() > 0) {
      throw ApplicationFailure.newFailure("GitHub answered 503", "GitHubOutage");
    }
    statuses.add(post);
    return new StatusPosted(true, "");
  }

  @Override
  public StatusPosted upsertComment(CommentPost post) {
    comments.add(post);
    return new StatusPosted(true, "");
  }

  /** The states posted on {@code context}, in order. */
  List<String> states(String context) {
    return statuses.stream()
        .filter(s -> s.context().equals(context))
        .map(StatusPost::state)
        .toList();
  }

  /** The last status posted on {@code context}. */
  StatusPost last(String context) {
    return statuses.stream()
        .filter(s -> s.context().equals(context))
        .reduce((a, b) -> b)
        .orElseThrow();
  }
}
