package dev.tollgate.adapters.aws.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.actions.ActionRules;
import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.LocalArtifactStore;
import dev.tollgate.activities.data.DatasetFiles;
import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.activities.outbound.OutboundHttp;
import dev.tollgate.activities.outbound.OutboundPolicy;
import dev.tollgate.activities.registry.JdbcRegistry;
import dev.tollgate.activities.wiring.StageActivities;
import dev.tollgate.adapters.aws.s3.MotoServer;
import dev.tollgate.adapters.aws.s3.MotoServerExtension;
import dev.tollgate.pipeline.PipelineRequest;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.PipelineWorkflowImpl;
import dev.tollgate.pipeline.RunOptions;
import dev.tollgate.pipeline.SearchAttributes;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.policy.ActionRequest;
import dev.tollgate.policy.ActionVerdict;
import dev.tollgate.policy.ApprovalPolicy;
import dev.tollgate.policy.PolicyActivities;
import dev.tollgate.policy.PolicyQuery;
import dev.tollgate.spec.ApprovalSpec;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.ModelRecord;
import dev.tollgate.stages.Outcome;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/**
 * Whole runs with {@code deploy.target: ecs}: the real pipeline workflow and the real stages,
 * against moto's ECS API, with {@link EcsServiceStandIn} (on the worker's allow-list) as the
 * service's serving API. A run ends {@code DEPLOYED} only when the service answered the smoke test
 * over HTTP as the deployed version; otherwise it ends {@code ROLLED_BACK} or {@code FAILED} with a
 * reason that says what the service did, and the service runs its earlier revision again.
 */
@ExtendWith(MotoServerExtension.class)
// A workflow task that keeps failing (a stage the worker lacks) retries for ever: fail instead.
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class EcsPipelineTest {
  @TempDir Path home;
  private TestWorkflowEnvironment env;
  private EcsClient ecs;
  private String cluster;
  private DataSpec data;
  private StageActivities stages;

  @BeforeEach
  void setUp(MotoServer moto) throws Exception {
    EcsAccess access = new EcsAccess(moto.endpoint(), "us-east-1");
    ecs = access.client();
    cluster = "run-" + UUID.randomUUID().toString().substring(0, 8);
    EcsFixture.createCluster(
        ecs,
        cluster,
        ContainerDefinition.builder().name("model").image("team/serving:1").memory(512).build());
    data = TestData.data(TestData.linearCsv(home.resolve("data.csv"), 300, 3, 0));
    EcsDeployer deployer =
        new EcsDeployer(
            access,
            Duration.ofMillis(200),
            new OutboundHttp(OutboundPolicy.of(List.of("127.0.0.1"))));
    stages =
        StageActivities.create(
            home,
            new LocalArtifactStore(home.resolve("artifacts")),
            DatasetFiles.localOnly(),
            new JdbcRegistry(RegistryDatabase.openH2(home, null, null)),
            null,
            m -> {},
            deployer);

    env = TestWorkflowEnvironment.newInstance();
    SearchAttributes.ALL.forEach(k -> env.registerSearchAttribute(k.getName(), k.getValueType()));
    Worker pipeline = env.newWorker(TaskQueues.PIPELINE);
    pipeline.registerWorkflowImplementationTypes(PipelineWorkflowImpl.class);
    pipeline.registerActivitiesImplementations(stages.all());
    pipeline.registerActivitiesImplementations(new DefaultPolicyOnly());
    env.newWorker(TaskQueues.TRAINING).registerActivitiesImplementations(stages.train());
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  /**
   * Approved by the timeout rule (time skips), deployed to the test's ECS service at {@code url}.
   */
  private PipelineResult run(String runId, String url) {
    PipelineSpec base =
        TestData.spec(data, TestData.training("linear", Map.of()), TestData.validation(Map.of()));
    PipelineSpec spec =
        new PipelineSpec(
            base.source(),
            base.model(),
            base.task(),
            base.data(),
            base.training(),
            base.validation(),
            new ApprovalSpec(
                List.of("alice"),
                1,
                Duration.ofHours(1),
                List.of(),
                ApprovalSpec.TimeoutAction.APPROVE),
            new DeploySpec(
                DeploySpec.Target.ECS,
                true,
                null,
                new DeploySpec.Ecs(cluster, "energy-svc", null, url, Duration.ofSeconds(20))),
            base.notifications(),
            null);
    PipelineWorkflow wf =
        env.getWorkflowClient()
            .newWorkflowStub(
                PipelineWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(TaskQueues.PIPELINE)
                    .setWorkflowId(WorkflowIds.pipeline(spec.model(), runId))
                    .build());
    return wf.run(new PipelineRequest(spec, new RunOptions(runId, "test", "ecs run")));
  }

  private String serviceRevision() {
    return ecs.describeServices(r -> r.cluster(cluster).services("energy-svc"))
        .services()
        .getFirst()
        .taskDefinition();
  }

  private ModelRecord.Version version(int n) {
    return stages.registry().describeModel(TestData.MODEL).versions().stream()
        .filter(v -> v.version() == n)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aServiceThatServesTheDeployedModelOverHttpIsDeployed() throws Exception {
    try (EcsServiceStandIn service = EcsServiceStandIn.honest(ecs, cluster, "energy-svc")) {
      PipelineResult r = run("e1", service.url());

      assertThat(r.outcome()).as(r.failure()).isEqualTo(Outcome.DEPLOYED);
      assertThat(serviceRevision()).endsWith(":2");
      assertThat(service.paths())
          .contains("GET /v1/health", "GET /v1/models/" + TestData.MODEL)
          .contains("POST /v1/models/" + TestData.MODEL + "/predict?version=1");
      assertThat(version(1).stage().name()).isEqualTo("PRODUCTION");
    }
  }

  @Test
  void aServiceNobodyAnswersForIsRolledBackNamingWhereItWasAsked() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort(); // nothing listens there once closed
    }
    PipelineResult r = run("e2", "http://127.0.0.1:" + closed);

    assertThat(r.outcome()).isEqualTo(Outcome.ROLLED_BACK);
    assertThat(r.failure())
        .startsWith("smoke test failed: ")
        .contains("127.0.0.1:" + closed)
        .contains("GET /v1/health");
    assertThat(serviceRevision()).as("back on the revision it ran before").endsWith(":1");
    assertThat(version(1).stage().name()).isEqualTo("ARCHIVED");
  }

  @Test
  void aServiceThatDoesNotServeTheDeployedVersionIsRolledBack() throws Exception {
    // A container that ignores TOLLGATE_MODEL_*: it answers, but with a model of its own.
    try (EcsServiceStandIn service = EcsServiceStandIn.ignoringTheModel()) {
      PipelineResult r = run("e3", service.url());

      assertThat(r.outcome()).isEqualTo(Outcome.ROLLED_BACK);
      assertThat(r.failure()).contains(TestData.MODEL + " serves [7], expected v1");
      assertThat(serviceRevision()).endsWith(":1");
      assertThat(service.paths()).noneMatch(p -> p.contains("/predict"));
    }
  }

  @Test
  void aServiceUrlThatIsNotAUrlFailsTheRunBeforeTheServiceChanges() {
    // The parser refuses it in a spec file; a spec from elsewhere (a registry entry, a client
    // building its own request) reaches the stage as it is.
    PipelineResult r = run("e4", "http://energy internal:8080");

    assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(r.failure())
        .contains("deploy.ecs.url")
        .contains("not an http:// or https:// URL")
        .doesNotContain("IllegalArgumentException");
    assertThat(serviceRevision()).as("the service was never touched").endsWith(":1");
  }

  /** A worker without a policy folder: the built-in default, checked by the real rules. */
  private static final class DefaultPolicyOnly implements PolicyActivities {
    @Override
    public ApprovalPolicy approvalPolicy(PolicyQuery query) {
      return ApprovalPolicy.DEFAULT;
    }

    @Override
    public ActionVerdict authorize(ActionRequest request) {
      return ActionRules.verdict(ApprovalPolicy.DEFAULT, request, null);
    }
  }
}
