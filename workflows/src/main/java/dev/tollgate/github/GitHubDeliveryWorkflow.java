package dev.tollgate.github;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A GitHub delivery the worker accepted, ID {@code github-delivery/<X-GitHub-Delivery>}, started
 * with the reuse policy that refuses the id again: GitHub redelivers with the same delivery id, so
 * a redelivery starts nothing twice. It reads the commit from the configured remote, starts one run
 * per affected spec (a push's runs as the spec says; a pull request's check runs, which never
 * deploy), posts a commit status per spec (pending, then success or failure) and, for a pull
 * request, the one comment with every spec's validation summary.
 */
@WorkflowInterface
public interface GitHubDeliveryWorkflow {
  /** Acts on the delivery and waits for its runs (days, for a run awaiting approval). */
  @WorkflowMethod
  DeliveryResult record(GitHubDelivery delivery);
}
