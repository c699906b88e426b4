package dev.tollgate.adapters.aws.ecs;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.activities.TestData;
import dev.tollgate.activities.deploy.DeployActivitiesImpl;
import dev.tollgate.activities.outbound.CountingServer;
import dev.tollgate.activities.outbound.OutboundHttp;
import dev.tollgate.activities.outbound.OutboundPolicy;
import dev.tollgate.adapters.aws.s3.MotoServer;
import dev.tollgate.adapters.aws.s3.MotoServerExtension;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.SmokeTestResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ECS service URL ({@code deploy.ecs.url}) on moto_server ({@link EcsFixture}): a URL the
 * worker's outbound allow-list does not name fails the deploy before the service changes; the smoke
 * test posts rows only to a service the worker allows (checked again when it runs); a deployment
 * whose URL cannot be called fails its smoke test instead of throwing.
 */
@ExtendWith(MotoServerExtension.class)
class EcsServiceUrlTest {
  @TempDir Path home;
  private EcsFixture ecs;

  @BeforeEach
  void setUp(MotoServer moto) throws Exception {
    ecs = new EcsFixture(moto, home);
  }

  private DeploySpec spec(String url) {
    return ecs.spec(EcsFixture.SERVICE, url, Duration.ofSeconds(20));
  }

  private DeployActivitiesImpl deploy(OutboundHttp outbound) {
    return ecs.deployActivities(new EcsDeployer(ecs.access, Duration.ofMillis(200), outbound));
  }

  @Test
  void aDeploymentWhoseServiceUrlCannotBeCalledFailsItsSmokeTestInsteadOfThrowing() {
    // Deployed by a worker from before the URL was checked: the test fails, the workflow rolls
    // back.
    Deployment odd =
        new Deployment(
            ecs.v1,
            EcsDeployer.TARGET,
            "ecs://"
                + ecs.cluster
                + "/energy-svc?deployed=a&previous=b&url=http%3A%2F%2Fenergy+internal%3A8080",
            ecs.data);

    SmokeTestResult smoke =
        ecs.deployActivitiesServedByStandIn(
                new EcsDeployer(
                    ecs.access, Duration.ofMillis(200), EcsDeployTest.SERVICE_HOST_ALLOWED))
            .smokeTest(odd);

    assertThat(smoke.passed()).isFalse();
    assertThat(smoke.message())
        .startsWith("deploy.ecs.url: not an http:// or https:// URL")
        .doesNotContain("energy internal");
    assertThat(ecs.smokeCalls).isEmpty();
  }

  @Test
  void aServiceUrlTheWorkerDoesNotAllowFailsTheDeployBeforeTheServiceChanges() throws Exception {
    DeployActivitiesImpl deploy = deploy(EcsDeployTest.SERVICE_HOST_ALLOWED);
    try (CountingServer service = CountingServer.answering(200, "{}")) {
      for (String url :
          List.of(
              "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
              service.url(""),
              "http://10.0.0.7:8080")) {
        var failure =
            businessFailure(
                () -> deploy.deploy(new DeployRequest(ecs.v1, spec(url), ecs.data, "r1")),
                FailureTypes.INVALID_DATA);
        assertThat(failure.getOriginalMessage())
            .as(url)
            .startsWith("deploy.ecs.url: refused to connect to " + URI.create(url).getHost())
            .contains("tollgate.outbound.allowed-hosts")
            .doesNotContain("security-credentials");
      }
      assertThat(ecs.taskDefinition()).as("the service still runs its revision").endsWith(":1");
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
                            "version", ecs.servedVersion(),
                            "predictions", Collections.nCopies(rows, 1.0)));
              } else body = "{\"version\":" + ecs.servedVersion() + "}";
              CountingServer.write(out, 200, List.of(), body);
            })) {
      DeployActivitiesImpl wired =
          deploy(new OutboundHttp(OutboundPolicy.of(List.of("127.0.0.1:" + service.port()))));
      Deployment deployed =
          wired.deploy(new DeployRequest(ecs.v1, spec(service.url("")), ecs.data, "r1"));

      SmokeTestResult smoke = wired.smokeTest(deployed);
      assertThat(smoke.passed()).as(smoke.message()).isTrue();
      assertThat(service.requests())
          .anySatisfy(r -> assertThat(r.path()).endsWith("/predict?version=1"));
      int seen = service.connections();

      // The same deployment, smoke-tested by a worker whose list no longer names the service.
      SmokeTestResult refused =
          deploy(new OutboundHttp(OutboundPolicy.defaults())).smokeTest(deployed);
      assertThat(refused.passed()).isFalse();
      assertThat(refused.message())
          .contains("deploy.ecs.url: refused to connect to 127.0.0.1:" + service.port());
      assertThat(service.connections()).as("no rows sent").isEqualTo(seen);
    }
  }
}
