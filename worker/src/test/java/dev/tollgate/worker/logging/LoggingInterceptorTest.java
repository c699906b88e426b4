package dev.tollgate.worker.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Async;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The interceptor on a real (test) Temporal worker: what the MDC holds inside an activity, in the
 * workflow's own thread, in a thread it forks and in a signal handler.
 */
class LoggingInterceptorTest {
  private static final String QUEUE = "logging-test";

  @ActivityInterface
  public interface ProbeActivities {
    /** Activity type {@code Train}: the pipeline's train stage. */
    Map<String, String> train(String input);

    /** Activity type {@code Archive}: not mapped, logged as {@code archive}. */
    Map<String, String> archive(String input);
  }

  @WorkflowInterface
  public interface ProbeWorkflow {
    @WorkflowMethod
    Map<String, String> run(String input);

    @SignalMethod
    void poke();
  }

  public static class ProbeActivitiesImpl implements ProbeActivities {
    @Override
    public Map<String, String> train(String input) {
      return MDC.getCopyOfContextMap();
    }

    @Override
    public Map<String, String> archive(String input) {
      return MDC.getCopyOfContextMap();
    }
  }

  public static class ProbeWorkflowImpl implements ProbeWorkflow {
    private final ProbeActivities activities =
        Workflow.newActivityStub(
            ProbeActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
    private String signalModel;
    private boolean poked;

    @Override
    public Map<String, String> run(String input) {
      Map<String, String> seen = new HashMap<>();
      activities.train(input).forEach((k, v) -> seen.put("train." + k, v));
      activities.archive(input).forEach((k, v) -> seen.put("archive." + k, v));
      seen.put("workflow.model", MDC.get(LogFields.MODEL));
      seen.put("workflow.WorkflowId", MDC.get("WorkflowId"));
      seen.put("child.model", Async.function(() -> MDC.get(LogFields.MODEL)).get());
      Workflow.await(() -> poked);
      seen.put("signal.model", signalModel);
      return seen;
    }

    @Override
    public void poke() {
      signalModel = MDC.get(LogFields.MODEL);
      poked = true;
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
                        .setWorkerInterceptors(new LoggingInterceptor())
                        .build())
                .build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(ProbeWorkflowImpl.class);
    worker.registerActivitiesImplementations(new ProbeActivitiesImpl());
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  private Map<String, String> run(String workflowId, String input) {
    WorkflowClient client = env.getWorkflowClient();
    ProbeWorkflow workflow =
        client.newWorkflowStub(
            ProbeWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(workflowId).build());
    WorkflowClient.start(workflow::run, input);
    workflow.poke();
    @SuppressWarnings("unchecked")
    Map<String, String> seen = WorkflowStub.fromTyped(workflow).getResult(Map.class);
    return seen;
  }

  @Test
  void activityLinesCarryWorkflowRunModelAndStage() {
    Map<String, String> seen = run("pipeline/energy-load/r42", "ignored");

    assertThat(seen)
        .containsEntry("train.WorkflowId", "pipeline/energy-load/r42")
        .containsEntry("train.model", "energy-load")
        .containsEntry("train.stage", "train")
        .containsEntry("train.ActivityType", "Train")
        .containsEntry("archive.stage", "archive")
        .containsEntry("archive.model", "energy-load");
    assertThat(seen.get("train.RunId")).isNotBlank();
  }

  @Test
  void workflowThreadsCarryTheModel() {
    Map<String, String> seen = run("guardian/iris", "ignored");

    assertThat(seen)
        .containsEntry("workflow.WorkflowId", "guardian/iris")
        .containsEntry("workflow.model", "iris")
        .containsEntry("child.model", "iris")
        .containsEntry("signal.model", "iris");
  }

  @Test
  void aSignalHandledWithTheFirstWorkflowTaskCarriesTheModel() {
    // Signal-with-start puts the signal in the first workflow task, before the workflow method
    // runs: the handler is not on a thread that already carries the model.
    WorkflowStub stub =
        env.getWorkflowClient()
            .newUntypedWorkflowStub(
                "ProbeWorkflow",
                WorkflowOptions.newBuilder()
                    .setTaskQueue(QUEUE)
                    .setWorkflowId("guardian/wine")
                    .build());
    stub.signalWithStart("poke", new Object[0], new Object[] {"ignored"});
    @SuppressWarnings("unchecked")
    Map<String, String> seen = stub.getResult(Map.class);

    assertThat(seen).containsEntry("signal.model", "wine");
  }

  @Test
  void anIdWithoutAModelFallsBackToTheArguments() {
    // The CLI's `models show iris` runs as registry/<uuid> with the model in its request.
    Map<String, String> seen = run("registry/5b1c", "iris");

    assertThat(seen).containsEntry("workflow.model", "iris").containsEntry("train.model", "iris");
  }
}
