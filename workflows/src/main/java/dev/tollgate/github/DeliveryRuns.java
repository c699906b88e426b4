package dev.tollgate.github;

import dev.tollgate.pipeline.RunOptions;
import dev.tollgate.pipeline.Trigger;
import dev.tollgate.stages.CommitLineage;

/**
 * How a delivery names and describes its runs. The run id carries the commit and the delivery
 * ({@code push-1a2b3c4-72d3162e}, {@code pr12-1a2b3c4-72d3162e}), so the run's workflow ID is a
 * second guard against a redelivery, after the delivery's own workflow ID.
 */
final class DeliveryRuns {
  static final String TRIGGERED_BY = "github";

  private DeliveryRuns() {}

  static boolean isPullRequest(GitHubDelivery d) {
    return "pull_request".equals(d.event());
  }

  static Trigger trigger(GitHubDelivery d) {
    return isPullRequest(d) ? Trigger.PULL_REQUEST : Trigger.PUSH;
  }

  /** The first seven characters of the commit, as GitHub shows it. */
  static String sha7(String sha) {
    return sha == null ? "" : sha.substring(0, Math.min(7, sha.length()));
  }

  static String runId(GitHubDelivery d) {
    String delivery = d.deliveryId().substring(0, Math.min(8, d.deliveryId().length()));
    String kind = isPullRequest(d) ? "pr" + d.pullRequest() : "push";
    return kind + "-" + sha7(d.sha()) + "-" + delivery;
  }

  /** "push to main at 1a2b3c4", "pull request #12 at 1a2b3c4". */
  static String reason(GitHubDelivery d) {
    if (isPullRequest(d)) return "pull request #" + d.pullRequest() + " at " + sha7(d.sha());
    String branch = d.ref().startsWith("refs/heads/") ? d.ref().substring(11) : d.ref();
    return "push to " + branch + " at " + sha7(d.sha());
  }

  static RunOptions options(GitHubDelivery d, CommitLineage commit) {
    return new RunOptions(runId(d), TRIGGERED_BY, reason(d), trigger(d), null, commit);
  }

  /** The commit status context of a spec: {@code tollgate/specs/energy.yaml}. */
  static String context(String specPath) {
    return "tollgate/" + specPath;
  }

  /** The context of the delivery as a whole (a commit the remote does not have). */
  static final String DELIVERY_CONTEXT = "tollgate";

  /** The key of a pull request's one comment. */
  static String commentKey(GitHubDelivery d) {
    return "pr-" + d.pullRequest();
  }
}
