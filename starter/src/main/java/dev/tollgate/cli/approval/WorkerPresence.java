package dev.tollgate.cli.approval;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.KnownFailures;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.spec.Durations;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Before an Update only a worker can answer (an approval: the validator runs on the worker), makes
 * sure one is there. Without this, the SDK re-sends the Update until a worker takes it: {@code
 * approve} hung silently for as long as the worker was down. Checked the way {@code status} finds
 * out, without leaving anything behind on the server: the task queue's pollers (DescribeTaskQueue),
 * then a built-in query with a short time limit, which only a live worker answers. Neither is
 * durable, so a decision is sent only once a worker is known to be there.
 */
final class WorkerPresence {
  /** How long a live worker gets to answer the probe: it answers in milliseconds. */
  static final Duration PROBE = Duration.ofSeconds(4);

  private static final Duration PAUSE = Duration.ofSeconds(1);

  private WorkerPresence() {}

  /**
   * Returns once a worker polls the task queue of {@code workflowId}, waiting up to {@code wait};
   * returns at once when the run is not running (the Update then says why).
   *
   * @throws CliFailure (exit code 1) naming the task queue when no worker came
   */
  static void require(
      WorkflowClient client, String workflowId, Duration wait, ConnectionOptions connection) {
    Optional<String> queue = runningTaskQueue(client, workflowId);
    if (queue.isEmpty()) return;
    long until = System.nanoTime() + wait.toNanos();
    while (true) {
      if (polled(client, queue.get()) && answers(client, workflowId)) return;
      if (System.nanoTime() + PAUSE.toNanos() > until) throw absent(queue.get(), wait, connection);
      sleep(PAUSE);
    }
  }

  /** The run's workflow task queue while it runs; empty when it does not exist or has ended. */
  private static Optional<String> runningTaskQueue(WorkflowClient client, String workflowId) {
    try {
      WorkflowExecutionDescription d =
          client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty()).describe();
      if (d.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
        return Optional.empty();
      }
      return Optional.of(d.getWorkflowExecutionInfo().getTaskQueue());
    } catch (WorkflowNotFoundException e) {
      return Optional.empty();
    }
  }

  /**
   * False when the server lists no poller on the queue in its recent history; true when it lists
   * one (it may have stopped since: {@link #answers} tells) or cannot say (the embedded server).
   */
  private static boolean polled(WorkflowClient client, String queue) {
    try {
      return client
              .getWorkflowServiceStubs()
              .blockingStub()
              .withDeadlineAfter(PROBE.toMillis(), TimeUnit.MILLISECONDS)
              .describeTaskQueue(
                  DescribeTaskQueueRequest.newBuilder()
                      .setNamespace(client.getOptions().getNamespace())
                      .setTaskQueue(TaskQueue.newBuilder().setName(queue))
                      .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW)
                      .build())
              .getPollersCount()
          > 0;
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.UNIMPLEMENTED || code == Status.Code.PERMISSION_DENIED) return true;
      throw e;
    }
  }

  /** True when a worker answers the SDK's built-in stack-trace query within {@link #PROBE}. */
  private static boolean answers(WorkflowClient client, String workflowId) {
    WorkflowStub stub =
        client.newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty());
    try {
      BoundedCall.within(PROBE, () -> stub.query("__stack_trace", String.class));
      return true;
    } catch (BoundedCall.TimedOut nobody) {
      return false;
    } catch (WorkflowException e) {
      if (KnownFailures.isUnreadablePayload(e) || TemporalConnection.isUnreachable(e)) throw e;
      return true; // a worker answered, with a failure: it is there
    }
  }

  private static CliFailure absent(String queue, Duration wait, ConnectionOptions connection) {
    String waited =
        wait.isZero()
            ? "no worker is polling task queue " + queue
            : "no worker polled task queue " + queue + " within " + Durations.format(wait);
    return new CliFailure(
        ExitCodes.NOT_DONE,
        waited
            + ", so nothing can take the decision (a worker checks it against the spec). Start"
            + " one (`tollgate worker --address "
            + connection.address
            + "`) or pass --wait-for-worker DURATION to wait for one. Nothing was sent.");
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.NOT_DONE, "interrupted while waiting for a worker");
    }
  }
}
