package dev.tollgate.cli.models;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Failures;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.cli.common.WorkerAnswer;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.registry.RegistryRequest;
import dev.tollgate.registry.RegistryWorkflow;
import dev.tollgate.stages.ModelRecord;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Asks the registry through a worker: a short {@link RegistryWorkflow} run, so the CLI needs only
 * the Temporal address, never the database's. No worker polling within {@link WorkerAnswer#WAIT} is
 * said plainly.
 */
final class RegistryClient {
  private RegistryClient() {}

  static List<ModelRecord> ask(ConnectionOptions connection, RegistryRequest request) {
    try (TemporalConnection temporal = TemporalConnection.open(connection)) {
      WorkflowClient client = temporal.client();
      RegistryWorkflow workflow =
          client.newWorkflowStub(
              RegistryWorkflow.class,
              WorkflowOptions.newBuilder()
                  .setWorkflowId("registry/" + UUID.randomUUID())
                  .setTaskQueue(TaskQueues.PIPELINE)
                  .setWorkflowExecutionTimeout(Duration.ofMinutes(2))
                  .build());
      WorkflowClient.start(workflow::run, request);
      @SuppressWarnings("unchecked")
      CompletableFuture<List<ModelRecord>> answer =
          WorkflowStub.fromTyped(workflow)
              .getResultAsync(
                  (Class<List<ModelRecord>>) (Class<?>) List.class,
                  new com.fasterxml.jackson.core.type.TypeReference<
                      List<ModelRecord>>() {}.getType());
      try {
        return WorkerAnswer.await(connection, answer);
      } catch (WorkflowFailedException failed) {
        throw new CliFailure(ExitCodes.NOT_DONE, Failures.describe(failed), failed);
      }
    } catch (RuntimeException e) {
      if (TemporalConnection.isUnreachable(e)) throw TemporalConnection.unreachable(connection, e);
      throw e;
    }
  }
}
