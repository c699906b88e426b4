package dev.tollgate.cli;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks the registry through a worker: a short {@link RegistryWorkflow} run, so the CLI needs only
 * the Temporal address, never the database's. No worker polling within a minute is said plainly.
 */
final class RegistryClient {
  private static final Duration ANSWER = Duration.ofSeconds(60);

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
      try {
        @SuppressWarnings("unchecked")
        List<ModelRecord> answer =
            WorkflowStub.fromTyped(workflow)
                .getResultAsync(
                    List.class,
                    new com.fasterxml.jackson.core.type.TypeReference<
                        List<ModelRecord>>() {}.getType())
                .get(ANSWER.toSeconds(), TimeUnit.SECONDS);
        return answer;
      } catch (TimeoutException e) {
        throw new CliFailure(
            ExitCodes.NOT_DONE,
            "no worker answered within "
                + ANSWER.toSeconds()
                + " s: is `tollgate worker` running against "
                + connection.address
                + "?");
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof WorkflowFailedException failed) {
          throw new CliFailure(ExitCodes.NOT_DONE, Failures.describe(failed), failed);
        }
        throw new IllegalStateException(cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliFailure(ExitCodes.NOT_DONE, "interrupted");
      }
    } catch (RuntimeException e) {
      if (TemporalConnection.isUnreachable(e)) throw TemporalConnection.unreachable(connection, e);
      throw e;
    }
  }
}
