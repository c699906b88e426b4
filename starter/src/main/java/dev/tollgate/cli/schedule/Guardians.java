package dev.tollgate.cli.schedule;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.ModelArgument;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.cli.common.WorkerAnswer;
import dev.tollgate.guardian.GuardianWorkflow;
import dev.tollgate.pipeline.WorkflowIds;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import java.util.function.Function;

/**
 * What the {@code schedule} commands for guardians share: the stub of {@code guardian/<model>}, and
 * the messages when there is none or the server is away.
 */
public final class Guardians {
  private Guardians() {}

  /** Calls {@code action} on the model's guardian over a fresh connection. */
  static <T> T call(
      ConnectionOptions connection, String model, Function<GuardianWorkflow, T> action) {
    String id = WorkflowIds.guardian(ModelArgument.check(model));
    try (TemporalConnection temporal = TemporalConnection.open(connection)) {
      GuardianWorkflow guardian = temporal.client().newWorkflowStub(GuardianWorkflow.class, id);
      return action.apply(guardian);
    } catch (WorkflowNotFoundException e) {
      throw notFound(model, connection);
    } catch (WorkflowException e) {
      if (e.getCause() instanceof WorkflowNotFoundException) throw notFound(model, connection);
      throw e;
    } catch (RuntimeException e) {
      if (TemporalConnection.isUnreachable(e)) throw TemporalConnection.unreachable(connection, e);
      throw e;
    }
  }

  /**
   * {@link #call} for a request a worker must answer (an Update the guardian authorises with the
   * worker's policy): no worker polling within {@link WorkerAnswer#WAIT} is said plainly instead of
   * waiting.
   */
  static <T> T answered(
      ConnectionOptions connection, String model, Function<GuardianWorkflow, T> action) {
    return within(connection, () -> call(connection, model, action));
  }

  /** Runs {@code call} (a Temporal Update) and waits for it at most {@link WorkerAnswer#WAIT}. */
  static <T> T within(ConnectionOptions connection, java.util.function.Supplier<T> call) {
    return WorkerAnswer.await(connection, java.util.concurrent.CompletableFuture.supplyAsync(call));
  }

  /** {@link #call} for an action without an answer (a signal). */
  static void run(
      ConnectionOptions connection,
      String model,
      java.util.function.Consumer<GuardianWorkflow> action) {
    call(
        connection,
        model,
        g -> {
          action.accept(g);
          return null;
        });
  }

  static CliFailure notFound(String model, ConnectionOptions connection) {
    return new CliFailure(
        ExitCodes.NOT_DONE,
        "model "
            + model
            + " has no guardian on "
            + connection.address
            + " (namespace "
            + connection.namespace
            + "). Start one: tollgate schedule enable --spec FILE"
            + connection.flagsForCopy());
  }
}
