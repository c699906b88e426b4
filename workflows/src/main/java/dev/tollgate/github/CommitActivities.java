package dev.tollgate.github;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * What a {@link GitHubDeliveryWorkflow} asks of the worker: the commit fetched from the remote the
 * worker's configuration names (never the payload's URL), the affected specs parsed at that commit,
 * and the results posted back on the commit. Implemented in activities/core over the vendor-free
 * {@code CommitStatuses}; the GitHub adapter does the HTTP.
 */
@ActivityInterface
public interface CommitActivities {

  /**
   * Fetches {@code delivery.sha()} from the configured remote into the worker's checkout folder,
   * finds the specs under the configured spec paths whose file or training code (the spec's {@code
   * training.workdir} and what it names) changed between the push's {@code before} and {@code
   * after} (a pull request: between the base and the head), and parses each at that commit. A spec
   * that no longer parses is a {@link SpecProblem}, not a failure. A commit the remote does not
   * have fails non-retryably with type {@link #COMMIT_NOT_FOUND}.
   */
  @ActivityMethod
  DeliveryPlan plan(GitHubDelivery delivery);

  /**
   * Posts one commit status. GitHub down or rate-limited: the activity fails retryably with
   * GitHub's retry time as the next retry delay, so the status is posted when it comes back, once.
   * Refused (401/403/404/422): recorded and returned as not posted, never thrown: the run goes on.
   */
  @ActivityMethod
  StatusPosted postStatus(StatusPost post);

  /** Creates, or updates in place, the pull request's one Tollgate comment (same retry rules). */
  @ActivityMethod
  StatusPosted upsertComment(CommentPost post);

  /** The failure type of {@link #plan} for a commit the configured remote does not have. */
  String COMMIT_NOT_FOUND = "CommitNotFound";
}
