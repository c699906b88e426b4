package dev.tollgate.adapters.aws.ecs;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.TestData;
import dev.tollgate.activities.deploy.DeployActivitiesImpl;
import dev.tollgate.activities.outbound.OutboundHttp;
import dev.tollgate.activities.outbound.OutboundPolicy;
import dev.tollgate.adapters.aws.s3.MotoServer;
import dev.tollgate.adapters.aws.s3.MotoServerExtension;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.SmokeTestResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy.target: ecs} against a real ECS API (moto_server, {@link EcsFixture}): the
 * revisions the deploy registers and the task definition the service runs after a deploy, a retried
 * deploy and a rollback; a service that never settles put back on its revision; a service that does
 * not exist named. The service's serving API is a stand-in that answers as the deployed version
 * (moto runs no containers). The service URL's checks: {@link EcsServiceUrlTest}.
 */
@ExtendWith(MotoServerExtension.class)
class EcsDeployTest {
  /** The worker's allow-list names the services' host, as an operator's would. */
  static final OutboundHttp SERVICE_HOST_ALLOWED =
      new OutboundHttp(OutboundPolicy.of(List.of("energy.internal")));

  @TempDir Path home;
  private EcsFixture ecs;
  private DeployActivitiesImpl deploy;

  @BeforeEach
  void setUp(MotoServer moto) throws Exception {
    ecs = new EcsFixture(moto, home);
    deploy =
        ecs.deployActivitiesServedByStandIn(
            new EcsDeployer(ecs.access, Duration.ofMillis(200), SERVICE_HOST_ALLOWED));
  }

  private DeploySpec spec(String service) {
    return ecs.spec(service, "http://energy.internal:8080", Duration.ofSeconds(20));
  }

  @Test
  void deployRegistersARevisionWithTheModelAndRollbackRestoresThePreviousOne() {
    String original = ecs.taskDefinition();
    assertThat(original).endsWith(":1");

    Deployment first = deploy.deploy(new DeployRequest(ecs.v1, spec("energy-svc"), ecs.data, "r1"));
    assertThat(ecs.taskDefinition()).endsWith(":2");
    assertThat(ecs.serviceEnvironment())
        .containsEntry("TOLLGATE_MODEL_NAME", TestData.MODEL)
        .containsEntry("TOLLGATE_MODEL_URI", ecs.v1.artifactUri())
        .containsEntry("TOLLGATE_MODEL_VERSION", "1")
        .containsEntry("TOLLGATE_MODEL_DIGEST", ecs.v1.modelDigest())
        .containsEntry("TOLLGATE_SERVE_ADDRESS", "0.0.0.0")
        .containsEntry("JAVA_OPTS", "-Xmx400m");
    assertThat(
            ecs.ecs
                .describeTaskDefinition(r -> r.taskDefinition(ecs.taskDefinition()))
                .taskDefinition()
                .containerDefinitions()
                .getFirst()
                .command())
        .as("the container runs tollgate serve, pinned to the variables")
        .containsExactly("serve");
    deploy.deploy(new DeployRequest(ecs.v1, spec("energy-svc"), ecs.data, "r1")); // retried
    assertThat(ecs.taskDefinition()).as("a retry registers no revision").endsWith(":2");
    SmokeTestResult smoke = deploy.smokeTest(first);
    assertThat(smoke.passed()).as(smoke.message()).isTrue();
    assertThat(ecs.smokeCalls).containsExactly(TestData.MODEL + " 20 rows");

    Deployment second =
        deploy.deploy(new DeployRequest(ecs.v2, spec("energy-svc"), ecs.data, "r2"));
    assertThat(ecs.taskDefinition()).endsWith(":3");
    assertThat(ecs.serviceEnvironment()).containsEntry("TOLLGATE_MODEL_VERSION", "2");
    deploy.rollback(second, ecs.v1);
    assertThat(ecs.taskDefinition()).as("back on the revision serving v1").endsWith(":2");
    assertThat(
            ecs.ecs
                .listTaskDefinitions(r -> r.familyPrefix("energy-" + ecs.cluster))
                .taskDefinitionArns())
        .hasSize(3);
  }

  @Test
  void aServiceThatNeverSettlesIsPutBackOnItsRevisionAndTheDeployFails() {
    // One task desired, none running ever (moto runs no containers): never stable.
    ecs.service("busy-svc", 1);
    DeploySpec quick = ecs.spec("busy-svc", "http://energy.internal:8080", Duration.ofSeconds(1));
    var failure =
        businessFailure(
            () -> deploy.deploy(new DeployRequest(ecs.v1, quick, ecs.data, "r1")),
            FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .contains("did not become stable")
        .contains("within 1s;") // not PT1S
        .contains("put back on");
    assertThat(ecs.taskDefinition("busy-svc"))
        .as("the service runs its original revision")
        .endsWith(":1");
  }

  @Test
  void aServiceThatDoesNotExistIsNamed() {
    var failure =
        businessFailure(
            () -> deploy.deploy(new DeployRequest(ecs.v1, spec("nope"), ecs.data, "r1")),
            FailureTypes.INVALID_DATA);
    assertThat(failure.getOriginalMessage())
        .startsWith("deploy.ecs.service: no service nope in cluster " + ecs.cluster);
  }
}
