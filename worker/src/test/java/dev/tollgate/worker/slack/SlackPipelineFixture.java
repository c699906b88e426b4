package dev.tollgate.worker.slack;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.tollgate.pipeline.DecisionSeal;
import dev.tollgate.pipeline.PipelineRequest;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.PipelineWorkflowImpl;
import dev.tollgate.pipeline.RunOptions;
import dev.tollgate.pipeline.SearchAttributes;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.WorkflowIds;
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
 * Temporal's time-skipping test environment running the real pipeline workflow with every stage
 * mocked to pass, so a run stops at the approval gate and waits for a decision (here: from Slack).
 * Approvers alice and bob; the spec maps Slack user U0ALICE to alice, bob only by e-mail.
 */
public final class SlackPipelineFixture implements AutoCloseable {
  static final String MODEL = "energy-load";
  public static final String SPEC =
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
        thresholds: { rmse: { max: 75 } }
      approval:
        approvers: [alice, bob]
        timeout: 72h
        on_timeout: reject
      deploy:
        target: local
      notify:
        slack:
          channel: "#ml-deploys"
          approvers: { U0ALICE: alice }
      """;

  private static final Map<String, Double> METRICS = Map.of("rmse", 41.2, "r2", 0.87);
  private static final ModelVersion V1 =
      new ModelVersion(MODEL, 1, "r1", "file:/artifacts/abc/", "abc", METRICS);

  final TestWorkflowEnvironment env;

  SlackPipelineFixture() {
    this((NotifyActivities) null);
  }

  /** As above, events published by {@code realNotify} ({@code null}: a mock that drops them). */
  SlackPipelineFixture(NotifyActivities realNotify) {
    this(realNotify, io.temporal.testing.TestEnvironmentOptions.getDefaultInstance());
  }

  /** As above, the test server built with {@code options} (a metrics scope, say). */
  SlackPipelineFixture(
      NotifyActivities realNotify, io.temporal.testing.TestEnvironmentOptions options) {
    this(realNotify, options, null);
  }

  /** With the worker holding {@code seal} (the approval key), as a deployed worker does. */
  public SlackPipelineFixture(DecisionSeal seal) {
    this(null, io.temporal.testing.TestEnvironmentOptions.getDefaultInstance(), seal);
  }

  private SlackPipelineFixture(
      NotifyActivities realNotify,
      io.temporal.testing.TestEnvironmentOptions options,
      DecisionSeal seal) {
    env = TestWorkflowEnvironment.newInstance(options);
    TrainActivities train = mock(TrainActivities.class, withSettings().withoutAnnotations());
    ValidateActivities validate =
        mock(ValidateActivities.class, withSettings().withoutAnnotations());
    RegistryActivities registry =
        mock(
            RegistryActivities.class,
            withSettings()
                .withoutAnnotations()
                .defaultAnswer(org.mockito.Answers.CALLS_REAL_METHODS));
    DeployActivities deploy =
        mock(
            DeployActivities.class,
            withSettings()
                .withoutAnnotations()
                .defaultAnswer(org.mockito.Answers.CALLS_REAL_METHODS));
    NotifyActivities notify =
        realNotify != null
            ? realNotify
            : mock(NotifyActivities.class, withSettings().withoutAnnotations());
    when(train.train(any()))
        .thenReturn(new TrainedModel("file:/artifacts/abc/", "abc", "d1", 800, 200, METRICS, 1200));
    when(registry.registerCandidate(any())).thenReturn(V1);
    when(validate.validate(any()))
        .thenReturn(
            new ValidationVerdict(
                true,
                List.of(
                    new CheckResult(
                        "rmse", 41.2, "≤ 75.0", CheckResult.Status.PASS, "rmse 41.2 ≤ 75")),
                "file:/reports/v1/validation.json",
                "r1"));
    when(deploy.deploy(any()))
        .thenAnswer(a -> new Deployment(V1, "local", "/serving/energy-load", null));
    when(deploy.smokeTest(any())).thenReturn(new SmokeTestResult(true, 20, "20 rows scored"));

    SearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
    Worker pipeline = env.newWorker(TaskQueues.PIPELINE);
    pipeline.registerWorkflowImplementationFactory(
        PipelineWorkflow.class, () -> new PipelineWorkflowImpl(seal));
    pipeline.registerActivitiesImplementations(
        validate,
        registry,
        deploy,
        notify,
        // no policy folder: the built-in default policy, as on a worker without one
        new dev.tollgate.worker.policy.PolicyActivitiesImpl(
            new dev.tollgate.worker.policy.PolicyFolder(null), seal, (model, digest) -> false));
    env.newWorker(TaskQueues.TRAINING).registerActivitiesImplementations(train);
    env.start();
  }

  public WorkflowClient client() {
    return env.getWorkflowClient();
  }

  /** Starts a run of {@code yaml}. */
  WorkflowStub start(String yaml, String runId) {
    PipelineSpec spec = SpecParser.parse(yaml, "slack.yaml", Path.of("/"));
    PipelineWorkflow wf =
        client()
            .newWorkflowStub(
                PipelineWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TaskQueues.PIPELINE)
                    .setWorkflowId(WorkflowIds.pipeline(MODEL, runId))
                    .build());
    WorkflowClient.start(
        wf::run, new PipelineRequest(spec, new RunOptions(runId, "test", "slack")));
    return WorkflowStub.fromTyped(wf);
  }

  /** Starts a run and waits (without skipping time) until it asks for approval. */
  WorkflowStub runAwaitingApproval(String runId) throws InterruptedException {
    return runAwaitingApproval(runId, SPEC);
  }

  /** A run of {@code yaml}, once it asks for approval. */
  public WorkflowStub runAwaitingApproval(String runId, String yaml) throws InterruptedException {
    WorkflowStub run = start(yaml, runId);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      PipelineStatus s = run.query("status", PipelineStatus.class);
      if (s != null && s.stage() == Stage.AWAITING_APPROVAL) return run;
      Thread.sleep(20);
    }
    throw new AssertionError("run never reached the approval gate");
  }

  public PipelineStatus status(WorkflowStub run) {
    return run.query("status", PipelineStatus.class);
  }

  @Override
  public void close() {
    env.close();
  }
}
