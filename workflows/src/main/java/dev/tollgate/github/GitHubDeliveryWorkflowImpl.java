package dev.tollgate.github;

/** Records the delivery (its input is in the history) and ends; it issues no command yet. */
public final class GitHubDeliveryWorkflowImpl implements GitHubDeliveryWorkflow {
  @Override
  public GitHubDelivery record(GitHubDelivery delivery) {
    return delivery;
  }
}
