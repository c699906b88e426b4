package dev.tollgate.pipeline;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.NotifyActivities;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.SmokeTestResult;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainedModel;
import dev.tollgate.stages.ValidateActivities;
import dev.tollgate.stages.ValidationVerdict;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A time-skipping test environment with both task queues served, the pipeline workflow registered
 * and every stage mocked with a happy answer that a test can override before {@link #start()}.
 */
final class PipelineFixture implements AutoCloseable {
  static final String SPEC =
      """
      model: energy-load
      task: regression
      data:
        train: file:/data/load.csv
        target: load
        features: [temperature, humidity]
        min_rows: 100
      training:
        algorithm: gradient_boosting
        params: { trees: 50, max_depth: 4 }
        seed: 7
      validation:
        thresholds: { rmse: { max: 75 }, r2: { min: 0.7 } }
      approval:
        approvers: [alice, bob]
        min_approvals: %d
        timeout: 72h
        reminders: [4h, 24h]
        on_timeout: reject
      deploy:
        target: local
        rollback: { on_smoke_failure: true }
      """;

  final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
  final TrainActivities train = mock(TrainActivities.class, withSettings().withoutAnnotations());
  final ValidateActivities validate =
      mock(ValidateActivities.class, withSettings().withoutAnnotations());
  final RegistryActivities registry =
      mock(
          RegistryActivities.class,
          withSettings()
              .withoutAnnotations()
              .defaultAnswer(org.mockito.Answers.CALLS_REAL_METHODS));
  final DeployActivities deploy =
      mock(
          DeployActivities.class,
          withSettings()
              .withoutAnnotations()
              .defaultAnswer(org.mockito.Answers.CALLS_REAL_METHODS));
  final NotifyActivities notify = mock(NotifyActivities.class, withSettings().withoutAnnotations());

  /** The worker's approval policy: the built-in default unless a test sets one. */
  final dev.tollgate.policy.FixedPolicies policies = new dev.tollgate.policy.FixedPolicies();

  static final dev.tollgate.stages.DataInspection DRIFT_EVIDENCE =
      new dev.tollgate.stages.DataInspection(
          "file:/data/new.csv",
          1,
          null,
          0.67,
          List.of(
              new dev.tollgate.stages.DataInspection.Feature("temperature", "psi", 0.41, true),
              new dev.tollgate.stages.DataInspection.Feature("humidity", "psi", 0.02, false)),
          1200,
          1000L,
          "2026-11-09T06:00:00Z",
          null);
  static final Map<String, Double> METRICS = Map.of("rmse", 41.2, "r2", 0.87, "mae", 30.0);
  static final TrainedModel TRAINED =
      new TrainedModel("file:/artifacts/abc/", "abc", "d1", 800, 200, METRICS, 1200);
  static final ModelVersion V1 =
      new ModelVersion("energy-load", 1, "r1", "file:/artifacts/abc/", "abc", METRICS);
  static final ValidationVerdict PASSED =
      new ValidationVerdict(
          true,
          List.of(
              new CheckResult("rmse", 41.2, "≤ 75.0", CheckResult.Status.PASS, "rmse 41.2 ≤ 75")),
          "file:/reports/v1/validation.json",
          "r1");
  static final ValidationVerdict FAILED =
      new ValidationVerdict(
          false,
          List.of(new CheckResult("rmse", 99.0, "≤ 75.0", CheckResult.Status.FAIL, "rmse 99 > 75")),
          "file:/reports/v1/validation.json",
          "r2");

  PipelineFixture() {
    when(train.train(any())).thenReturn(TRAINED);
    when(registry.registerCandidate(any())).thenReturn(V1);
    when(registry.currentProduction(any())).thenReturn(null);
    when(validate.validate(any())).thenReturn(PASSED);
    when(deploy.deploy(any()))
        .thenAnswer(a -> new Deployment(V1, "local", "/serving/energy-load", null));
    when(deploy.smokeTest(any())).thenReturn(new SmokeTestResult(true, 20, "20 rows scored"));
  }

  void start() {
    start(null);
  }

  /** With {@code seal}: the worker holds the approval key (vouched decisions verify). */
  void start(DecisionSeal seal) {
    SearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
    Worker pipeline = env.newWorker(TaskQueues.PIPELINE);
    if (seal == null) {
      pipeline.registerWorkflowImplementationTypes(PipelineWorkflowImpl.class);
    } else {
      pipeline.registerWorkflowImplementationFactory(
          PipelineWorkflow.class, () -> new PipelineWorkflowImpl(seal));
    }
    pipeline.registerActivitiesImplementations(validate, registry, deploy, notify, policies);
    env.newWorker(TaskQueues.TRAINING).registerActivitiesImplementations(train);
    env.start();
  }

  static PipelineSpec spec(int minApprovals) {
    return SpecParser.parse(SPEC.formatted(minApprovals), "test.yaml", Path.of("/"));
  }

  /** {@link #spec} with {@code approval.require_identity: true}. */
  static PipelineSpec specRequiringIdentity(int minApprovals) {
    String yaml =
        SPEC.formatted(minApprovals)
            .replace("  approvers:", "  require_identity: true\n  approvers:");
    return SpecParser.parse(yaml, "test.yaml", Path.of("/"));
  }

  /** Starts a run and returns its untyped stub (for updates and results). */
  WorkflowStub startRun(PipelineSpec spec, String runId) {
    return startRun(spec, runId, new RunOptions(runId, "test", "unit test"));
  }

  /** Starts a run with {@code options}; its workflow ID uses {@code workflowRunId}. */
  WorkflowStub startRun(PipelineSpec spec, String workflowRunId, RunOptions options) {
    WorkflowClient client = env.getWorkflowClient();
    PipelineWorkflow wf =
        client.newWorkflowStub(
            PipelineWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.PIPELINE)
                .setWorkflowId(WorkflowIds.pipeline(spec.model(), workflowRunId))
                .build());
    WorkflowClient.start(wf::run, new PipelineRequest(spec, options));
    return WorkflowStub.fromTyped(wf);
  }

  /** Polls the status query (without skipping time) until the run reaches {@code stage}. */
  PipelineStatus awaitStage(WorkflowStub run, Stage stage) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      PipelineStatus s = run.query("status", PipelineStatus.class);
      if (s != null && s.stage() == stage) return s;
      Thread.sleep(20);
    }
    throw new AssertionError("run never reached " + stage);
  }

  @Override
  public void close() {
    env.close();
  }
}
