package dev.tollgate.cli.schedule;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.ModelArgument;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.cli.common.Visibility;
import dev.tollgate.pipeline.PipelineRequest;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.RunOptions;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.Trigger;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.spec.PipelineSpec;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleHandle;
import java.util.function.Function;

/**
 * Native Temporal Schedules of pipeline runs ({@code tollgate schedule create ...}), one per model
 * with ID {@code tollgate-<model>}. Each action starts {@code pipeline/<model>/sched-<fire time>}
 * (Temporal appends the time to the workflow ID; the run takes its id from there). A server without
 * the Schedules API (the embedded test server) is refused with a pointer to the guardian.
 */
final class NativeSchedules {
  static final String PREFIX = "tollgate-";

  private NativeSchedules() {}

  static String id(String model) {
    return PREFIX + ModelArgument.check(model);
  }

  /** What every fire of the model's schedule starts. */
  static ScheduleActionStartWorkflow action(PipelineSpec spec) {
    RunOptions options =
        new RunOptions(
            RunOptions.FROM_WORKFLOW_ID,
            "schedule",
            "native schedule " + id(spec.model()),
            Trigger.SCHEDULE,
            null);
    return ScheduleActionStartWorkflow.newBuilder()
        .setWorkflowType(PipelineWorkflow.class)
        .setArguments(new PipelineRequest(spec, options))
        .setOptions(
            WorkflowOptions.newBuilder()
                .setWorkflowId(WorkflowIds.pipeline(spec.model(), "sched"))
                .setTaskQueue(TaskQueues.PIPELINE)
                .build())
        .build();
  }

  /** Runs {@code action} with the Schedules API, translating "no such API" and "unreachable". */
  static <T> T call(ConnectionOptions connection, Function<ScheduleClient, T> action) {
    try (TemporalConnection temporal = TemporalConnection.open(connection)) {
      return action.apply(temporal.schedules());
    } catch (RuntimeException e) {
      if (Visibility.unsupported(e)) throw noSchedulesApi(connection, e);
      if (TemporalConnection.isUnreachable(e)) throw TemporalConnection.unreachable(connection, e);
      if (notFound(e)) {
        throw new CliFailure(
            ExitCodes.NOT_DONE,
            "no such schedule on "
                + connection.address
                + ": `tollgate schedule list` shows the ones there are");
      }
      throw e;
    }
  }

  /** The model's schedule handle, through {@link #call}. */
  static <T> T onHandle(
      ConnectionOptions connection, String model, Function<ScheduleHandle, T> action) {
    String id = id(model);
    return call(connection, schedules -> action.apply(schedules.getHandle(id)));
  }

  /** {@link #onHandle} for an action without an answer. */
  static void run(
      ConnectionOptions connection,
      String model,
      java.util.function.Consumer<ScheduleHandle> action) {
    onHandle(
        connection,
        model,
        h -> {
          action.accept(h);
          return null;
        });
  }

  private static CliFailure noSchedulesApi(ConnectionOptions connection, Throwable cause) {
    return new CliFailure(
        ExitCodes.NOT_DONE,
        "the Temporal server at "
            + connection.address
            + " has no Schedules API (the embedded test server of `tollgate worker` and `demo`"
            + " has none).\n  Use the guardian, which works on any server and is the default:"
            + " tollgate schedule enable --spec FILE"
            + connection.flagsForCopy()
            + "\n  or run a real server: temporal server start-dev (see README).",
        cause);
  }

  private static boolean notFound(Throwable e) {
    for (Throwable c = e; c != null && c != c.getCause(); c = c.getCause()) {
      if (c instanceof io.grpc.StatusRuntimeException s
          && s.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
        return true;
      }
    }
    return false;
  }
}
