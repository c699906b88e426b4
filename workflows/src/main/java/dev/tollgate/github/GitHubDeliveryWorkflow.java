package dev.tollgate.github;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A GitHub delivery the worker accepted, ID {@code github-delivery/<X-GitHub-Delivery>}, started
 * with the reuse policy that refuses the id again: GitHub redelivers with the same delivery id, so
 * a redelivery starts nothing twice. For now it only records the event (repository, ref, commit,
 * affected specs) in its history; starting the runs of the affected specs from it comes next.
 */
@WorkflowInterface
public interface GitHubDeliveryWorkflow {
  @WorkflowMethod
  GitHubDelivery record(GitHubDelivery delivery);
}
