package dev.tollgate.github;

import java.util.List;

/**
 * One webhook delivery from GitHub the worker accepted: what the event says, checked and cut to
 * what Tollgate acts on. It is the input of the delivery's {@link GitHubDeliveryWorkflow}, whose id
 * carries {@code deliveryId}, so the history is the durable record and a redelivery is refused.
 *
 * @param deliveryId GitHub's {@code X-GitHub-Delivery} (a GUID)
 * @param event {@code push} or {@code pull_request}
 * @param action the pull request's {@code action} ({@code opened}, {@code synchronize}, ...); empty
 *     for a push
 * @param repository {@code owner/name}
 * @param cloneUrl the repository's {@code clone_url}, where the commit is fetched from
 * @param ref the branch pushed to ({@code refs/heads/main}), or the pull request's head ref
 * @param sha the commit: a push's {@code after}, a pull request's {@code head.sha}
 * @param pullRequest the pull request's number; 0 for a push
 * @param affectedSpecs spec files under the configured spec paths that the push added or changed,
 *     as the payload lists them (a pull request's are found when its commit is fetched)
 * @param baseSha what the commit is compared with to find the affected specs: a push's {@code
 *     before} (all zeros for a new branch), a pull request's {@code base.sha}; empty when unknown
 */
public record GitHubDelivery(
    String deliveryId,
    String event,
    String action,
    String repository,
    String cloneUrl,
    String ref,
    String sha,
    int pullRequest,
    List<String> affectedSpecs,
    String baseSha) {
  public GitHubDelivery {
    baseSha = baseSha == null ? "" : baseSha;
    affectedSpecs = affectedSpecs == null ? List.of() : List.copyOf(affectedSpecs);
    action = action == null ? "" : action;
  }

  /** The workflow id of a delivery: one execution per delivery, ever. */
  public static String workflowId(String deliveryId) {
    return "github-delivery/" + deliveryId;
  }
}
