package dev.tollgate.adapters.aws.ecs;

import dev.tollgate.activities.ActivityTesting;
import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.deploy.DeployActivitiesImpl;
import dev.tollgate.activities.deploy.Deployer;
import dev.tollgate.activities.serving.ServingAnswer;
import dev.tollgate.activities.serving.ServingClient;
import dev.tollgate.activities.serving.ServingStatus;
import dev.tollgate.activities.train.TrainActivitiesImpl;
import dev.tollgate.adapters.aws.s3.MotoServer;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.Task;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;

/**
 * The ECS deploy tests' world on moto_server: a cluster of its own with a task definition ({@code
 * energy-<cluster>}, revision 1, one container with {@code JAVA_OPTS}) and a service {@code
 * energy-svc} running it (desired count 0: moto runs no containers, so "stable" is reachable with
 * the SDK waiter's own rule); two trained versions of the test model; and the deploy activities
 * wired to an {@link EcsDeployer}, with or without a stand-in for the service's serving API.
 */
final class EcsFixture {
  static final String SERVICE = "energy-svc";

  final EcsAccess access;
  final EcsClient ecs;
  final String cluster;
  final Path home;
  final ModelStore models;
  final DataSpec data;
  final ModelVersion v1;
  final ModelVersion v2;

  /** What the stand-in serving API was asked to predict: "model N rows" per request. */
  final List<String> smokeCalls = Collections.synchronizedList(new ArrayList<>());

  EcsFixture(MotoServer moto, Path home) throws IOException {
    this.access = new EcsAccess(moto.endpoint(), "us-east-1");
    this.ecs = access.client();
    this.home = home;
    this.cluster = "tollgate-" + UUID.randomUUID().toString().substring(0, 8);
    createCluster(
        ecs,
        cluster,
        ContainerDefinition.builder()
            .name("model")
            .image("tollgate/worker:0.1")
            .memory(512)
            .environment(KeyValuePair.builder().name("JAVA_OPTS").value("-Xmx400m").build())
            .build());

    data = TestData.data(TestData.linearCsv(home.resolve("data.csv"), 300, 3, 0));
    models = new ModelStore(home.resolve("models"));
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(new TrainActivitiesImpl(new DatasetLoader(), models));
      TrainActivities train = env.newActivityStub(TrainActivities.class, ActivityTesting.OPTIONS);
      v1 = version(1, train.train(request("r1", TestData.training("linear", Map.of()))));
      v2 = version(2, train.train(request("r2", TestData.fastBoosting())));
    } finally {
      env.close();
    }
  }

  /**
   * Cluster {@code cluster} with task definition {@code energy-<cluster>} (revision 1: {@code
   * model}) and service {@link #SERVICE} running it, no task desired: moto runs no containers, so
   * with none desired the service is stable by the SDK waiter's rule.
   */
  static void createCluster(EcsClient ecs, String cluster, ContainerDefinition model) {
    ecs.createCluster(r -> r.clusterName(cluster));
    ecs.registerTaskDefinition(r -> r.family("energy-" + cluster).containerDefinitions(model));
    service(ecs, cluster, SERVICE, 0);
  }

  /** A service in the cluster on revision 1, {@code desired} tasks wanted. */
  void service(String name, int desired) {
    service(ecs, cluster, name, desired);
  }

  private static void service(EcsClient ecs, String cluster, String name, int desired) {
    ecs.createService(
        r ->
            r.cluster(cluster)
                .serviceName(name)
                .taskDefinition("energy-" + cluster)
                .desiredCount(desired));
  }

  /** The deploy activities with {@code deployer} as the target. */
  DeployActivitiesImpl deployActivities(Deployer deployer) {
    return new DeployActivitiesImpl(
        new DatasetLoader(), models, home.resolve("serving"), null, m -> {}, deployer);
  }

  /**
   * The deploy activities on ECS, whose smoke test a stand-in answers as the version the service's
   * task definition carries (what its containers would serve); the URL is still read from the
   * deployment and checked as {@link EcsDeployer#servingClient(Deployment)} does.
   */
  DeployActivitiesImpl deployActivitiesServedByStandIn(EcsDeployer ecsDeployer) {
    ServingClient standIn =
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
    return deployActivities(
        new Deployer() {
          @Override
          public String target() {
            return ecsDeployer.target();
          }

          @Override
          public Deployment deploy(DeployRequest request) {
            return ecsDeployer.deploy(request);
          }

          @Override
          public ServingClient servingClient(Deployment deployment) {
            ServiceUrl.parse(EcsLocation.parse(deployment.location()).url());
            return standIn;
          }

          @Override
          public void rollback(Deployment failed, ModelVersion previous) {
            ecsDeployer.rollback(failed, previous);
          }
        });
  }

  /** The spec's deploy section for {@code service} of this cluster, at {@code url}. */
  DeploySpec spec(String service, String url, Duration stable) {
    return new DeploySpec(
        DeploySpec.Target.ECS, true, null, new DeploySpec.Ecs(cluster, service, null, url, stable));
  }

  /** The task definition {@link #SERVICE} runs now. */
  String taskDefinition() {
    return taskDefinition(SERVICE);
  }

  String taskDefinition(String service) {
    return ecs.describeServices(r -> r.cluster(cluster).services(service))
        .services()
        .getFirst()
        .taskDefinition();
  }

  /** The container environment of the task definition {@link #SERVICE} runs now. */
  Map<String, String> serviceEnvironment() {
    return EcsServiceStandIn.environment(ecs, cluster, SERVICE);
  }

  /** The version the service's task definition carries: what its containers would serve. */
  int servedVersion() {
    return Integer.parseInt(serviceEnvironment().get("TOLLGATE_MODEL_VERSION"));
  }

  private TrainRequest request(String run, dev.tollgate.spec.TrainingSpec training) {
    return new TrainRequest(TestData.MODEL, run, Task.REGRESSION, data, training);
  }

  private static ModelVersion version(int n, TrainedModel t) {
    return new ModelVersion(
        TestData.MODEL, n, "r" + n, t.artifactUri(), t.modelDigest(), t.metrics());
  }
}
