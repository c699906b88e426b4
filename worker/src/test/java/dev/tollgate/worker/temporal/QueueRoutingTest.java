package dev.tollgate.worker.temporal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.tollgate.activities.wiring.StageActivities;
import dev.tollgate.guardian.GuardianActivities;
import dev.tollgate.pipeline.PipelineRequest;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.RunOptions;
import dev.tollgate.pipeline.SearchAttributes;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.policy.FixedPolicies;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.NotifyActivities;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainedModel;
import dev.tollgate.stages.ValidateActivities;
import dev.tollgate.stages.ValidationVerdict;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;

/**
 * Two worker processes as {@link PipelineWorkers#register} sets them up, on one test server: one
 * {@code --queues pipeline}, one {@code --queues gpu}. A spec routing its training to {@code GPU}
 * (any case) is trained by the gpu worker; everything else runs on the pipeline worker.
 */
class QueueRoutingTest {
  private static final String SPEC =
      """
      model: churn
      task: classification
      data:
        train: file:churn.csv
        target: churned
        features: [tenure, spend]
      training:
        command: [python3, train.py]
      %s
      approval:
        approvers: [alice]
      """;

  private final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  private final StageActivities pipelineSide = stages();
  private final StageActivities gpuSide = stages();
  private final List<WorkerFactory> factories = new ArrayList<>();

  /**
   * The factories first: left polling after the test server closed, they logged a failing poller
   * forever into every later test of the JVM (a log-asserting test failed on it in CI).
   */
  @AfterEach
  void close() {
    factories.forEach(WorkerFactory::shutdownNow);
    factories.forEach(f -> f.awaitTermination(10, TimeUnit.SECONDS));
    env.close();
  }

  @Test
  void aRoutedTrainingRunsOnTheGpuWorkerAndTheRestOnThePipelineWorker() throws Exception {
    startWorkers();
    WorkflowStub run = start(spec("  task_queue: GPU"), "routed");
    awaitStage(run, Stage.AWAITING_APPROVAL);
    verify(gpuSide.train()).train(any());
    verify(pipelineSide.train(), never()).train(any());
    verify(pipelineSide.validate()).validate(any());
    verify(gpuSide.validate(), never()).validate(any());
  }

  @Test
  void anUnroutedTrainingStaysWithThePipelineWorker() throws Exception {
    startWorkers();
    WorkflowStub run = start(spec(""), "plain");
    awaitStage(run, Stage.AWAITING_APPROVAL);
    verify(pipelineSide.train(), timeout(1000)).train(any());
    verify(gpuSide.train(), never()).train(any());
  }

  private void startWorkers() {
    SearchAttributes.ALL.forEach(k -> env.registerSearchAttribute(k.getName(), k.getValueType()));
    WorkflowClient client = env.getWorkflowClient();
    WorkerFactory pipeline = WorkerFactory.newInstance(client);
    PipelineWorkers.register(
        pipeline, WorkerQueues.parse(List.of("pipeline")), null, pipelineSide, new FixedPolicies());
    WorkerFactory gpu = WorkerFactory.newInstance(client);
    PipelineWorkers.register(
        gpu, WorkerQueues.parse(List.of("gpu")), null, gpuSide, new FixedPolicies());
    factories.addAll(List.of(pipeline, gpu));
    env.start();
    pipeline.start();
    gpu.start();
  }

  private static PipelineSpec spec(String route) {
    return SpecParser.parse(SPEC.formatted(route), "churn.yaml", Path.of("/specs"));
  }

  private WorkflowStub start(PipelineSpec spec, String runId) {
    PipelineWorkflow wf =
        env.getWorkflowClient()
            .newWorkflowStub(
                PipelineWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TaskQueues.PIPELINE)
                    .setWorkflowId(WorkflowIds.pipeline(spec.model(), runId))
                    .build());
    WorkflowClient.start(wf::run, new PipelineRequest(spec, new RunOptions(runId, "test", "t")));
    return WorkflowStub.fromTyped(wf);
  }

  private static void awaitStage(WorkflowStub run, Stage stage) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline) {
      PipelineStatus s = run.query("status", PipelineStatus.class);
      if (s != null && s.stage() == stage) return;
      Thread.sleep(20);
    }
    throw new AssertionError("run never reached " + stage);
  }

  private static StageActivities stages() {
    TrainActivities train = mock(TrainActivities.class, withSettings().withoutAnnotations());
    when(train.train(any()))
        .thenReturn(new TrainedModel("file:/a/x/", "x", "d", 80, 20, Map.of("accuracy", 0.9), 10));
    ValidateActivities validate =
        mock(ValidateActivities.class, withSettings().withoutAnnotations());
    when(validate.validate(any()))
        .thenReturn(new ValidationVerdict(true, List.of(), "file:/r/v1/validation.json", "r"));
    RegistryActivities registry =
        mock(
            RegistryActivities.class,
            withSettings().withoutAnnotations().defaultAnswer(Answers.CALLS_REAL_METHODS));
    when(registry.registerCandidate(any()))
        .thenReturn(new ModelVersion("churn", 1, "r", "file:/a/x/", "x", Map.of("accuracy", 0.9)));
    when(registry.currentProduction(any())).thenReturn(null);
    return new StageActivities(
        train,
        validate,
        registry,
        mock(
            DeployActivities.class,
            withSettings().withoutAnnotations().defaultAnswer(Answers.CALLS_REAL_METHODS)),
        mock(NotifyActivities.class, withSettings().withoutAnnotations()),
        mock(GuardianActivities.class, withSettings().withoutAnnotations()));
  }
}
