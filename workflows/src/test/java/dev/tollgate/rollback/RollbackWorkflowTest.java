package dev.tollgate.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.pipeline.SpecJson;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.DeployAuthority;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.NotifyActivities;
import dev.tollgate.stages.PipelineEvent;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.RollbackPlan;
import dev.tollgate.stages.RollbackRequest;
import dev.tollgate.stages.SmokeTestResult;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rollback saga with mocked stages: restored, undone on a failed smoke test, refused. */
class RollbackWorkflowTest {
  private static final PipelineSpec SPEC =
      SpecParser.parse(
          """
          model: energy
          data: { train: file:/data/load.csv, target: load, features: [temperature] }
          training: { algorithm: gradient_boosting }
          approval: { approvers: [alice] }
          """,
          "energy.yaml",
          Path.of("/"));
  private static final ModelVersion V1 =
      new ModelVersion("energy", 1, "r1", "file:/a/1/", "d1", Map.of());
  private static final ModelVersion V2 =
      new ModelVersion("energy", 2, "r2", "file:/a/2/", "d2", Map.of());
  private static final RollbackRequest REQUEST =
      new RollbackRequest("energy", null, "rollback-1", "carol", "latency");

  private TestWorkflowEnvironment env;
  private final RegistryActivities registry =
      mock(
          RegistryActivities.class,
          withSettings()
              .withoutAnnotations()
              .defaultAnswer(org.mockito.Answers.CALLS_REAL_METHODS));
  private final DeployActivities deploy =
      mock(
          DeployActivities.class,
          withSettings()
              .withoutAnnotations()
              .defaultAnswer(org.mockito.Answers.CALLS_REAL_METHODS));
  private final NotifyActivities notify =
      mock(NotifyActivities.class, withSettings().withoutAnnotations());

  @BeforeEach
  void setUp() {
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(TaskQueues.PIPELINE);
    worker.registerWorkflowImplementationTypes(RollbackWorkflowImpl.class);
    worker.registerActivitiesImplementations(registry, deploy, notify);
    when(registry.planRollback(any())).thenReturn(new RollbackPlan(V2, V1, SpecJson.json(SPEC)));
    when(deploy.deploy(any()))
        .thenAnswer(i -> new Deployment(V1, "local", "/serving/energy/current.json", SPEC.data()));
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  private WorkflowStub start() {
    RollbackWorkflow wf =
        env.getWorkflowClient()
            .newWorkflowStub(
                RollbackWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TaskQueues.PIPELINE)
                    .setWorkflowId(WorkflowIds.rollback("energy"))
                    .build());
    WorkflowClient.start(wf::run, new RollbackRun(REQUEST, null));
    return WorkflowStub.fromTyped(wf);
  }

  @Test
  void aPassingSmokeTestMovesTheRegistryAndNotifies() throws Exception {
    when(deploy.smokeTest(any())).thenReturn(new SmokeTestResult(true, 20, "fine"));
    WorkflowStub run = start();
    RollbackResult result = run.getResult(RollbackResult.class);

    assertThat(result.restored()).isTrue();
    assertThat(result.headline()).isEqualTo("ROLLED BACK energy v2 -> v1");
    verify(deploy)
        .deploy(
            argThat(
                d ->
                    d.version().equals(V1)
                        && d.runId().equals("rollback-1")
                        && d.data().equals(SPEC.data())
                        // serving keeps who rolled back and why, not only the run
                        && d.authority().equals(DeployAuthority.rollback("carol", "latency"))));
    verify(registry)
        .restoreProduction(
            argThat(
                r -> r.toVersion() == 1 && r.by().equals("carol") && r.reason().equals("latency")));
    verify(notify)
        .publish(
            argThat(
                e ->
                    e.kind() == PipelineEvent.Kind.ROLLED_BACK
                        && e.fields().get("restored").equals("true")));
    record(run, "rollback-restored.json");
  }

  @Test
  void aFailedSmokeTestRestoresWhatServedAndLeavesTheRegistry() {
    when(deploy.smokeTest(any())).thenReturn(new SmokeTestResult(false, 0, "prediction is NaN"));
    RollbackResult result = start().getResult(RollbackResult.class);

    assertThat(result.restored()).isFalse();
    assertThat(result.message())
        .isEqualTo("v1 failed its smoke test (prediction is NaN); v2 serves still");
    verify(deploy).rollback(any(), argThat(v -> v.version() == 2));
    verify(registry, never()).restoreProduction(any());
  }

  @Test
  void aRefusedPlanFailsBeforeAnythingMoves() {
    when(registry.planRollback(any()))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure(
                "--to 3: energy v3 never passed validation", FailureTypes.INVALID_DATA));
    assertThatThrownBy(() -> start().getResult(RollbackResult.class))
        .isInstanceOf(WorkflowFailedException.class)
        .rootCause()
        .hasMessageContaining(
            "rollback of energy refused: --to 3: energy v3 never passed validation");
    verify(deploy, never()).deploy(any());
  }

  @Test
  void aVersionWithoutAKeptSpecNeedsOne() {
    when(registry.planRollback(any())).thenReturn(new RollbackPlan(V2, V1, null));
    assertThatThrownBy(() -> start().getResult(RollbackResult.class))
        .rootCause()
        .hasMessageContaining(
            "energy v1 was registered before the registry kept specs: give its spec with --spec FILE");
  }

  @ParameterizedTest
  @ValueSource(strings = {"histories/rollback-restored.json"})
  void committedHistoriesReplay(String resource) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(resource, RollbackWorkflowImpl.class);
  }

  private void record(WorkflowStub run, String name) throws Exception {
    Path out = Path.of("target", "recorded-histories");
    Files.createDirectories(out);
    var history = env.getWorkflowClient().fetchHistory(run.getExecution().getWorkflowId());
    Files.writeString(out.resolve(name), history.toJson(true));
  }
}
