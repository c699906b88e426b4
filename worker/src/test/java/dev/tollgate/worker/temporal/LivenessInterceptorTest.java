package dev.tollgate.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.pipeline.TaskQueues;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stage that runs longer than its heartbeat timeout without beating itself survives through the
 * interceptor's beats; on the training queue, which reports its own progress, it is left alone (and
 * so times out here, where the activity sends nothing).
 */
class LivenessInterceptorTest {
  private static final String QUEUE = TaskQueues.PIPELINE;

  @ActivityInterface
  public interface Slow {
    String work();
  }

  @WorkflowInterface
  public interface Caller {
    @WorkflowMethod
    String call(String queue);
  }

  public static class SlowImpl implements Slow {
    @Override
    public String work() {
      try {
        Thread.sleep(2500); // 2.5 heartbeat timeouts, without a heartbeat of its own
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "done";
    }
  }

  public static class CallerImpl implements Caller {
    @Override
    public String call(String queue) {
      Slow slow =
          Workflow.newActivityStub(
              Slow.class,
              ActivityOptions.newBuilder()
                  .setTaskQueue(queue)
                  .setStartToCloseTimeout(Duration.ofSeconds(30))
                  .setHeartbeatTimeout(Duration.ofSeconds(1))
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build());
      return slow.work();
    }
  }

  private TestWorkflowEnvironment env;

  @BeforeEach
  void start() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(new LivenessInterceptor())
                        .build())
                .build());
    Worker pipeline = env.newWorker(QUEUE);
    pipeline.registerWorkflowImplementationTypes(CallerImpl.class);
    pipeline.registerActivitiesImplementations(new SlowImpl());
    env.newWorker(TaskQueues.TRAINING).registerActivitiesImplementations(new SlowImpl());
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private String call(String activityQueue) {
    return env.getWorkflowClient()
        .newWorkflowStub(Caller.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build())
        .call(activityQueue);
  }

  @Test
  void aPipelineStageLongerThanItsHeartbeatTimeoutIsKeptAlive() {
    assertThat(call(QUEUE)).isEqualTo("done");
  }

  @Test
  void trainingIsLeftToItsOwnHeartbeats() {
    assertThatThrownBy(() -> call(TaskQueues.TRAINING))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOf(ActivityFailure.class)
        .cause()
        .isInstanceOfSatisfying(
            TimeoutFailure.class,
            t -> assertThat(t.getTimeoutType().name()).isEqualTo("TIMEOUT_TYPE_HEARTBEAT"));
  }
}
