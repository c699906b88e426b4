package dev.tollgate.activities.deploy;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.files.FileUris;
import dev.tollgate.activities.serving.InProcessServingClient;
import dev.tollgate.activities.serving.ModelServing;
import dev.tollgate.activities.serving.ServingPointer;
import dev.tollgate.activities.train.TrainActivitiesImpl;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.Task;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.SmokeTestResult;
import dev.tollgate.stages.TestedDeployment;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployActivitiesTest {
  private static final DeploySpec LOCAL = new DeploySpec(DeploySpec.Target.LOCAL, true, null);

  @TempDir Path home;
  private DataSpec data;
  private DeployActivitiesImpl deploy;
  private ModelServing serving;
  private ModelVersion v1;
  private ModelVersion v2;

  @BeforeEach
  void setUp() throws IOException {
    data = TestData.data(TestData.linearCsv(home.resolve("data.csv"), 300, 3, 0));
    ModelStore models = new ModelStore(home.resolve("models"));
    serving = new ModelServing(home.resolve("serving"), models);
    deploy =
        new DeployActivitiesImpl(
            new DatasetLoader(),
            models,
            home.resolve("serving"),
            new InProcessServingClient(serving),
            serving::refresh);
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(new TrainActivitiesImpl(new DatasetLoader(), models));
      TrainActivities train =
          env.newActivityStub(
              TrainActivities.class, dev.tollgate.activities.ActivityTesting.OPTIONS);
      v1 = version(1, train.train(request(TestData.training("linear", Map.of()))));
      v2 = version(2, train.train(request(TestData.fastBoosting())));
    } finally {
      env.close();
    }
  }

  private TrainRequest request(dev.tollgate.spec.TrainingSpec training) {
    return new TrainRequest(TestData.MODEL, "run", Task.REGRESSION, data, training);
  }

  private static ModelVersion version(int n, TrainedModel t) {
    return new ModelVersion(
        TestData.MODEL, n, "run-" + n, t.artifactUri(), t.modelDigest(), t.metrics());
  }

  private Path current() {
    return home.resolve("serving/demo-model/current.json");
  }

  @Test
  void deployAndSmokeTestInOneCallServesTheVersionAndScoresIt() {
    deploy.deploy(new DeployRequest(v1, LOCAL, data, "run-1"));
    TestedDeployment tested =
        deploy.deployAndSmokeTest(new DeployRequest(v2, LOCAL, data, "run-2"));

    assertThat(ServingPointer.read(current()).version()).isEqualTo(2);
    assertThat(tested.deployment().version()).isEqualTo(v2);
    assertThat(tested.smoke().passed()).as(tested.smoke().message()).isTrue();
    assertThat(tested.smoke().rowsScored()).isEqualTo(20);
  }

  @Test
  void deploySmokeTestAndRollbackRestoreThePreviousPointer() throws IOException {
    Deployment first = deploy.deploy(new DeployRequest(v1, LOCAL, data, "run-1"));
    assertThat(first.location()).isEqualTo(current().toString());
    assertThat(first.target()).isEqualTo("local");
    byte[] servingV1 = Files.readAllBytes(current());

    Deployment second = deploy.deploy(new DeployRequest(v2, LOCAL, data, "run-2"));
    deploy.deploy(new DeployRequest(v2, LOCAL, data, "run-2")); // retried: changes nothing
    assertThat(ServingPointer.read(current()).version()).isEqualTo(2);
    assertThat(ServingPointer.read(current()).artifactUri()).isEqualTo(v2.artifactUri());

    SmokeTestResult smoke = deploy.smokeTest(second);
    assertThat(smoke.passed()).as(smoke.message()).isTrue();
    assertThat(smoke.rowsScored()).isEqualTo(20);

    deploy.rollback(second, v1);
    assertThat(Files.readAllBytes(current())).isEqualTo(servingV1); // exactly what was served
    deploy.rollback(second, v1); // idempotent
    assertThat(Files.readAllBytes(current())).isEqualTo(servingV1);
  }

  @Test
  void aCanaryAnswersItsShareIsSmokeTestedAndIsWithdrawnByARollback() {
    deploy.deploy(new DeployRequest(v1, LOCAL, data, "run-1"));
    Deployment canary = deploy.deployCanary(new DeployRequest(v2, LOCAL, data, "run-2"), 30);
    deploy.deployCanary(new DeployRequest(v2, LOCAL, data, "run-2"), 30); // retried
    ServingPointer pointer = ServingPointer.read(current());
    assertThat(pointer.version()).isEqualTo(1);
    assertThat(pointer.canary().version()).isEqualTo(2);
    assertThat(pointer.canary().percent()).isEqualTo(30);

    SmokeTestResult smoke = deploy.smokeTest(canary);
    assertThat(smoke.passed()).as(smoke.message()).isTrue();
    java.util.Map<Integer, Integer> answered = new java.util.TreeMap<>();
    for (int i = 0; i < 1000; i++) {
      var a =
          serving.predict(
              TestData.MODEL, java.util.List.of(java.util.Map.of("x1", 1.0, "x2", 2.0)), null);
      answered.merge(a.version(), 1, Integer::sum);
    }
    assertThat(answered.get(2)).as("about 30 %% to the canary: " + answered).isBetween(220, 380);

    deploy.rollback(canary, v1);
    assertThat(ServingPointer.read(current()).canary()).isNull();
    assertThat(ServingPointer.read(current()).version()).isEqualTo(1);
  }

  @Test
  void aStagingEnvironmentServesUnderItsOwnNameAndItsRollbackRestoresItsLastVersion() {
    String staging = TestData.MODEL + ".staging";
    deploy.deploy(new DeployRequest(v1, LOCAL, data, "run-1", staging));
    Deployment second = deploy.deploy(new DeployRequest(v2, LOCAL, data, "run-2", staging));
    assertThat(second.servedAs()).isEqualTo(staging);
    assertThat(deploy.smokeTest(second).passed()).isTrue();
    assertThat(serving.served(staging).getFirst().version()).isEqualTo(2);
    assertThat(current()).as("production is untouched").doesNotExist();

    deploy.rollback(second, null);
    Path pointer = home.resolve("serving/" + staging + "/current.json");
    assertThat(ServingPointer.read(pointer).version()).isEqualTo(1);
  }

  @Test
  void liveScoreIsTheMetricOnNewlyLabelledRows() throws IOException {
    DataSpec labelled = TestData.data(TestData.linearCsv(home.resolve("labelled.csv"), 500, 9, 0));
    var score =
        deploy.scoreLive(
            new dev.tollgate.stages.LiveScoreRequest(v2, Task.REGRESSION, labelled, "rmse"));
    assertThat(score.rows()).isEqualTo(500);
    assertThat(score.value()).isBetween(0.5, 3.0);
    DataSpec shifted = TestData.data(TestData.linearCsv(home.resolve("shifted.csv"), 500, 9, 8));
    var worse =
        deploy.scoreLive(
            new dev.tollgate.stages.LiveScoreRequest(v2, Task.REGRESSION, shifted, "rmse"));
    assertThat(worse.value()).isGreaterThan(score.value() * 1.2);
  }

  @Test
  void rollingBackTheFirstDeploymentRemovesThePointer() {
    Deployment first = deploy.deploy(new DeployRequest(v1, LOCAL, data, "run-1"));
    deploy.rollback(first, null);
    assertThat(current()).doesNotExist();
  }

  @Test
  void aTamperedModelFailsTheSmokeTestWithTheReason() throws IOException {
    Deployment deployment = deploy.deploy(new DeployRequest(v1, LOCAL, data, "run-1"));
    Path modelFile = FileUris.artifact(v1.artifactUri()).resolve("model.bin");
    byte[] bytes = Files.readAllBytes(modelFile);
    bytes[bytes.length - 1] ^= 1;
    Files.write(modelFile, bytes);

    SmokeTestResult smoke = deploy.smokeTest(deployment);
    assertThat(smoke.passed()).isFalse();
    assertThat(smoke.message()).contains("model.bin has SHA-256", v1.modelDigest());
  }

  @Test
  void aSmokeTestOfAVersionThatIsNoLongerServedFails() {
    Deployment first = deploy.deploy(new DeployRequest(v1, LOCAL, data, "run-1"));
    deploy.deploy(new DeployRequest(v2, LOCAL, data, "run-2"));
    SmokeTestResult smoke = deploy.smokeTest(first);
    assertThat(smoke.passed()).isFalse();
    assertThat(smoke.message()).contains("demo-model serves [2], expected v1");
  }

  @Test
  void ecsWithoutEcsAccessIsRefused() {
    var ecs =
        new DeploySpec(
            DeploySpec.Target.ECS,
            true,
            null,
            new DeploySpec.Ecs("c", "s", null, "http://s:8080", null));
    businessFailure(
        () -> deploy.deploy(new DeployRequest(v1, ecs, data, "run-1")), FailureTypes.UNSUPPORTED);
  }

  @Test
  void aMissingArtifactIsNotDeployed() {
    var ghost =
        new ModelVersion(
            TestData.MODEL, 3, "run-3", FileUris.of(home.resolve("nothing")), "x", Map.of());
    businessFailure(
        () -> deploy.deploy(new DeployRequest(ghost, LOCAL, data, "run-3")),
        FailureTypes.ARTIFACT_MISMATCH);
    assertThat(current()).doesNotExist();
  }
}
