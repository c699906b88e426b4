package dev.tollgate.worker.github;

import dev.tollgate.github.GitHubDelivery;
import dev.tollgate.github.GitHubDeliveryWorkflow;
import dev.tollgate.pipeline.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;

/**
 * Records a delivery as the start of its {@link GitHubDeliveryWorkflow}, ID {@code
 * github-delivery/<X-GitHub-Delivery>}, with the reuse policy that refuses an id used before, open
 * or closed: Temporal itself keeps a redelivery from starting anything (for as long as the
 * namespace retains the closed execution; see docs/ci.md).
 */
final class TemporalDeliveryRecorder implements DeliveryRecorder {
  private final WorkflowClient client;

  TemporalDeliveryRecorder(WorkflowClient client) {
    this.client = client;
  }

  @Override
  public boolean record(GitHubDelivery delivery) throws Unavailable {
    GitHubDeliveryWorkflow workflow =
        client.newWorkflowStub(
            GitHubDeliveryWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(GitHubDelivery.workflowId(delivery.deliveryId()))
                .setTaskQueue(TaskQueues.PIPELINE)
                // No run timeout: the delivery follows its runs to their end (a push's waits
                // for approval, for days) to post each final status.
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
    try {
      WorkflowClient.start(workflow::record, delivery);
      return true;
    } catch (WorkflowExecutionAlreadyStarted e) {
      return false;
    } catch (RuntimeException e) {
      throw new Unavailable(e);
    }
  }
}
