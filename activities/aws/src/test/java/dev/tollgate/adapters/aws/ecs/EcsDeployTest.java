package dev.tollgate.adapters.aws.ecs;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.CsvLoader;
import dev.tollgate.activities.deploy.DeployActivitiesImpl;
import dev.tollgate.activities.deploy.Deployer;
import dev.tollgate.activities.outbound.CountingServer;
import dev.tollgate.activities.outbound.OutboundHttp;
import dev.tollgate.activities.outbound.OutboundPolicy;
import dev.tollgate.activities.serving.ServingAnswer;
import dev.tollgate.activities.serving.ServingClient;
import dev.tollgate.activities.serving.ServingStatus;
import dev.tollgate.activities.train.TrainActivitiesImpl;
import dev.tollgate.adapters.aws.s3.MotoServer;
import dev.tollgate.adapters.aws.s3.MotoServerExtension;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.Task;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.SmokeTestResult;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import io.temporal.testing.TestActivityEnvironment;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;

/**
 * {@code deploy.target: ecs} against a real ECS API (moto_server): the test creates the cluster, a
 * task definition and a service, then checks the revisions the deploy registers and the task
 * definition the service runs after deploy, a retried deploy and a rollback. The service's serving
 * API is a stand-in that answers as the deployed version (moto runs no containers); the desired
 * count is 0 for the same reason, so "stable" is reachable with the SDK waiter's own rule.
 */
@ExtendWith(MotoServerExtension.class)
class EcsDeployTest {
  /** The worker's allow-list names the services' host, as an operator's would. */
  private static final OutboundHttp SERVICE_HOST_ALLOWED =
      new OutboundHttp(OutboundPolicy.of(List.of("energy.internal")));

  @TempDir Path home;
  private EcsAccess access;
  private ModelStore models;
  private EcsClient ecs;
  private DeployActivitiesImpl deploy;
  private DataSpec data;
  private ModelVersion v1;
  private ModelVersion v2;
  private String cluster;
  private final List<String> smokeCalls = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void setUp(MotoServer moto) throws Exception {
    EcsAccess access = new EcsAccess(moto.endpoint(), "us-east-1");
    ecs = access.client();
    cluster = "tollgate-" + UUID.randomUUID().toString().substring(0, 8);
    ecs.createCluster(r -> r.clusterName(cluster));
    ecs.registerTaskDefinition(
        r ->
            r.family("energy-" + cluster)
                .containerDefinitions(
                    ContainerDefinition.builder()
                        .name("model")
                        .image("tollgate/worker:0.1")
                        .memory(512)
                        .environment(
                            KeyValuePair.builder().name("JAVA_OPTS").value("-Xmx400m").build())
                        .build()));
    ecs.createService(
        r ->
            r.cluster(cluster)
                .serviceName("energy-svc")
                .taskDefinition("energy-" + cluster)
                .desiredCount(0));

    data = TestData.data(TestData.linearCsv(home.resolve("data.csv"), 300, 3, 0));
    ModelStore models = new ModelStore(home.resolve("models"));
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(new TrainActivitiesImpl(new CsvLoader(), models));
      TrainActivities train =
          env.newActivityStub(
              TrainActivities.class, dev.tollgate.activities.ActivityTesting.OPTIONS);
      v1 =
          version(
              1,
              train.train(
                  new TrainRequest(
                      TestData.MODEL,
                      "r1",
                      Task.REGRESSION,
                      data,
                      TestData.training("linear", Map.of()))));
      v2 =
          version(
              2,
              train.train(
                  new TrainRequest(
                      TestData.MODEL, "r2", Task.REGRESSION, data, TestData.fastBoosting())));
    } finally {
      env.close();
    }
    ServingClient stub =
        new ServingClient() {
          @Override
          public ServingStatus status(String model) {
            return new ServingStatus(List.of(servedVersion()), null);
          }

          @Override
          public boolean healthy() {
            return true;
          }

          @Override
          public ServingAnswer predict(
              String model, List<Map<String, Object>> rows, Integer version) {
            smokeCalls.add(model + " " + rows.size() + " rows");
            return new ServingAnswer(
                model,
                servedVersion(),
                false,
                new ArrayList<>(Collections.nCopies(rows.size(), 1.0)),
                null);
          }
        };
    deploy =
        new DeployActivitiesImpl(
            new CsvLoader(),
            models,
            home.resolve("serving"),
            null,
            m -> {},
            servedBy(new EcsDeployer(access, Duration.ofMillis(200), SERVICE_HOST_ALLOWED), stub));
    this.access = access;
    this.models = models;
  }

  /**
   * {@code ecs}, its smoke test answered by {@code stub} instead of the service: the URL is still
   * read from the deployment and checked as {@link EcsDeployer#servingClient(Deployment)} does.
   */
  private static Deployer servedBy(EcsDeployer ecs, ServingClient stub) {
    return new Deployer() {
      @Override
      public String target() {
        return ecs.target();
      }

      @Override
      public Deployment deploy(DeployRequest request) {
        return ecs.deploy(request);
      }

      @Override
      public ServingClient servingClient(Deployment deployment) {
        ServiceUrl.parse(EcsLocation.parse(deployment.location()).url());
        return stub;
      }

      @Override
      public void rollback(Deployment failed, ModelVersion previous) {
        ecs.rollback(failed, previous);
      }
    };
  }

  /** The version the service's task definition carries: what its containers would serve. */
  private int servedVersion() {
    return Integer.parseInt(env(taskDefinition()).get("TOLLGATE_MODEL_VERSION"));
  }

  private static ModelVersion version(int n, dev.tollgate.stages.TrainedModel t) {
    return new ModelVersion(
        TestData.MODEL, n, "r" + n, t.artifactUri(), t.modelDigest(), t.metrics());
  }

  private DeploySpec spec(String service) {
    return spec(service, "http://energy.internal:8080");
  }

  private DeploySpec spec(String service, String url) {
    return new DeploySpec(
        DeploySpec.Target.ECS,
        true,
        null,
        new DeploySpec.Ecs(cluster, service, null, url, Duration.ofSeconds(20)));
  }

  private String taskDefinition() {
    return ecs.describeServices(r -> r.cluster(cluster).services("energy-svc"))
        .services()
        .getFirst()
        .taskDefinition();
  }

  private Map<String, String> env(String arn) {
    Map<String, String> out = new java.util.TreeMap<>();
    ecs.describeTaskDefinition(r -> r.taskDefinition(arn))
        .taskDefinition()
        .containerDefinitions()
        .getFirst()
        .environment()
        .forEach(kv -> out.put(kv.name(), kv.value()));
    return out;
  }

  @Test
  void deployRegistersARevisionWithTheModelAndRollbackRestoresThePreviousOne() {
    String original = taskDefinition();
    assertThat(original).endsWith(":1");

    Deployment first = deploy.deploy(new DeployRequest(v1, spec("energy-svc"), data, "r1"));
    assertThat(taskDefinition()).endsWith(":2");
    assertThat(env(taskDefinition()))
        .containsEntry("TOLLGATE_MODEL_NAME", TestData.MODEL)
        .containsEntry("TOLLGATE_MODEL_URI", v1.artifactUri())
        .containsEntry("TOLLGATE_MODEL_VERSION", "1")
        .containsEntry("TOLLGATE_MODEL_DIGEST", v1.modelDigest())
        .containsEntry("TOLLGATE_SERVE_ADDRESS", "0.0.0.0")
        .containsEntry("JAVA_OPTS", "-Xmx400m");
    assertThat(
            ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinition()))
                .taskDefinition()
                .containerDefinitions()
                .getFirst()
                .command())
        .as("the container runs tollgate serve, pinned to the variables")
        .containsExactly("serve");
    deploy.deploy(new DeployRequest(v1, spec("energy-svc"), data, "r1")); // retried
    assertThat(taskDefinition()).as("a retry registers no revision").endsWith(":2");
    SmokeTestResult smoke = deploy.smokeTest(first);
    assertThat(smoke.passed()).as(smoke.message()).isTrue();
    assertThat(smokeCalls).containsExactly(TestData.MODEL + " 20 rows");

    Deployment second = deploy.deploy(new DeployRequest(v2, spec("energy-svc"), data, "r2"));
    assertThat(taskDefinition()).endsWith(":3");
    assertThat(env(taskDefinition())).containsEntry("TOLLGATE_MODEL_VERSION", "2");
    deploy.rollback(second, v1);
    assertThat(taskDefinition()).as("back on the revision serving v1").endsWith(":2");
    assertThat(
            ecs.listTaskDefinitions(r -> r.familyPrefix("energy-" + cluster)).taskDefinitionArns())
        .hasSize(3);
  }

  @Test
  void aServiceThatNeverSettlesIsPutBackOnItsRevisionAndTheDeployFails() {
    // One task desired, none running ever (moto runs no containers): never stable.
    ecs.createService(
        r ->
            r.cluster(cluster)
                .serviceName("busy-svc")
                .taskDefinition("energy-" + cluster)
                .desiredCount(1));
    DeploySpec quick =
        new DeploySpec(
            DeploySpec.Target.ECS,
            true,
            null,
            new DeploySpec.Ecs(
                cluster, "busy-svc", null, "http://energy.internal:8080", Duration.ofSeconds(1)));
    var failure =
        businessFailure(
            () -> deploy.deploy(new DeployRequest(v1, quick, data, "r1")),
            FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .contains("did not become stable")
        .contains("within 1s;") // not PT1S
        .contains("put back on");
    assertThat(
            ecs.describeServices(r -> r.cluster(cluster).services("busy-svc"))
                .services()
                .getFirst()
                .taskDefinition())
        .as("the service runs its original revision")
        .endsWith(":1");
  }

  @Test
  void aDeploymentWhoseServiceUrlCannotBeCalledFailsItsSmokeTestInsteadOfThrowing() {
    // Deployed by a worker from before the URL was checked: the test fails, the workflow rolls
    // back.
    Deployment odd =
        new Deployment(
            v1,
            EcsDeployer.TARGET,
            "ecs://"
                + cluster
                + "/energy-svc?deployed=a&previous=b&url=http%3A%2F%2Fenergy+internal%3A8080",
            data);

    SmokeTestResult smoke = deploy.smokeTest(odd);

    assertThat(smoke.passed()).isFalse();
    assertThat(smoke.message())
        .startsWith("deploy.ecs.url: not an http:// or https:// URL")
        .doesNotContain("energy internal");
    assertThat(smokeCalls).isEmpty();
  }

  @Test
  void aServiceThatDoesNotExistIsNamed() {
    var failure =
        businessFailure(
            () -> deploy.deploy(new DeployRequest(v1, spec("nope"), data, "r1")),
            FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .startsWith("deploy.ecs.service: no service nope in cluster " + cluster);
  }

  @Test
  void aServiceUrlTheWorkerDoesNotAllowFailsTheDeployBeforeTheServiceChanges() throws Exception {
    try (CountingServer service = CountingServer.answering(200, "{}")) {
      for (String url :
          List.of(
              "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
              service.url(""),
              "http://10.0.0.7:8080")) {
        var failure =
            businessFailure(
                () -> deploy.deploy(new DeployRequest(v1, spec("energy-svc", url), data, "r1")),
                FailureTypes.INVALID_DATA);
        assertThat(failure.getOriginalMessage())
            .as(url)
            .startsWith("deploy.ecs.url: refused to connect to " + URI.create(url).getHost())
            .contains("tollgate.outbound.allowed-hosts")
            .doesNotContain("security-credentials");
      }
      assertThat(taskDefinition()).as("the service still runs its revision").endsWith(":1");
      assertThat(service.connections()).isZero();
    }
  }

  @Test
  void theSmokeTestPostsTheRowsOnlyToAServiceTheWorkerAllows() throws Exception {
    ObjectMapper json = new ObjectMapper();
    try (CountingServer service =
        new CountingServer(
            (r, out) -> {
              String body;
              if (r.path().startsWith("/actuator/health")) body = "{\"status\":\"UP\"}";
              else if (r.path().contains("/predict")) {
                int rows = json.readTree(r.body()).path("rows").size();
                body =
                    json.writeValueAsString(
                        Map.of(
                            "model", TestData.MODEL,
                            "version", servedVersion(),
                            "predictions", Collections.nCopies(rows, 1.0)));
              } else body = "{\"version\":" + servedVersion() + "}";
              CountingServer.write(out, 200, List.of(), body);
            })) {
      EcsDeployer allowing =
          new EcsDeployer(
              access,
              Duration.ofMillis(200),
              new OutboundHttp(OutboundPolicy.of(List.of("127.0.0.1:" + service.port()))));
      DeployActivitiesImpl wired =
          new DeployActivitiesImpl(
              new CsvLoader(), models, home.resolve("serving"), null, m -> {}, allowing);
      Deployment deployed =
          wired.deploy(new DeployRequest(v1, spec("energy-svc", service.url("")), data, "r1"));

      SmokeTestResult smoke = wired.smokeTest(deployed);
      assertThat(smoke.passed()).as(smoke.message()).isTrue();
      assertThat(service.requests())
          .anySatisfy(r -> assertThat(r.path()).endsWith("/predict?version=1"));
      int seen = service.connections();

      // The same deployment, smoke-tested by a worker whose list no longer names the service.
      EcsDeployer refusing =
          new EcsDeployer(
              access, Duration.ofMillis(200), new OutboundHttp(OutboundPolicy.defaults()));
      SmokeTestResult refused =
          new DeployActivitiesImpl(
                  new CsvLoader(), models, home.resolve("serving"), null, m -> {}, refusing)
              .smokeTest(deployed);
      assertThat(refused.passed()).isFalse();
      assertThat(refused.message())
          .contains("deploy.ecs.url: refused to connect to 127.0.0.1:" + service.port());
      assertThat(service.connections()).as("no rows sent").isEqualTo(seen);
    }
  }
}
