package dev.tollgate.adapters.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.ActivityTesting;
import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.DataAccess;
import dev.tollgate.activities.data.DatasetFiles;
import dev.tollgate.activities.objects.S3Location;
import dev.tollgate.activities.wiring.StageActivities;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.MetricBound;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.DeployActivities;
import dev.tollgate.stages.DeployRequest;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import dev.tollgate.stages.ValidateActivities;
import dev.tollgate.stages.ValidationRequest;
import dev.tollgate.stages.ValidationVerdict;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The stages wired as a worker with {@code tollgate.artifacts.uri: s3://...} wires them: the data
 * comes from S3, the model and the report go to S3, validation and the smoke test read them back.
 */
@ExtendWith(MotoServerExtension.class)
class S3PipelineTest {
  @TempDir Path home;
  private S3TestBucket s3;
  private S3ArtifactStore artifacts;
  private TestActivityEnvironment env;
  private StageActivities stages;

  @BeforeEach
  void setUp(MotoServer moto) throws IOException {
    s3 = new S3TestBucket(moto);
    artifacts = new S3ArtifactStore(s3.client(), S3Location.parse(s3.uri("tollgate")));
    stages =
        StageActivities.create(
            home,
            artifacts,
            new DatasetFiles(new S3ObjectSource(s3.access()), DataAccess.unrestricted()));
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(stages.all());
  }

  @AfterEach
  void tearDown() {
    env.close();
    s3.close();
  }

  @Test
  void aModelIsTrainedFromS3StoredInS3AndLoadedBackFromIt() throws IOException {
    Path csv = TestData.linearCsv(home.resolve("load.csv"), 1000, 5, 0);
    s3.client()
        .putObject(b -> b.bucket(s3.bucket()).key("data/load.csv"), RequestBody.fromFile(csv));
    DataSpec data = new DataSpec(s3.uri("data/load.csv"), "y", List.of("x1", "x2"), 100, null);
    PipelineSpec spec =
        TestData.spec(
            data,
            TestData.training("linear", Map.of()),
            TestData.validation(Map.of("r2", new MetricBound(0.9, null))));
    var train = env.newActivityStub(TrainActivities.class, ActivityTesting.OPTIONS);
    var request = new TrainRequest(spec.model(), "run-1", spec.task(), data, spec.training());

    TrainedModel trained = train.train(request);

    String folder = "tollgate/models/demo-model/" + trained.modelDigest();
    assertThat(trained.artifactUri()).isEqualTo(s3.uri(folder));
    assertThat(trained.dataDigest()).isEqualTo(Digests.sha256(csv));
    assertThat(home.resolve("artifacts")).doesNotExist();

    s3.proxy().clear();
    TrainedModel again = train.train(request); // a retried attempt: same bytes, nothing uploaded
    assertThat(again.artifactUri()).isEqualTo(trained.artifactUri());
    assertThat(s3.proxy().requests())
        .noneMatch(r -> r.startsWith("PUT /" + s3.bucket() + "/tollgate"));

    var candidate =
        new ModelVersion(
            spec.model(), 1, "run-1", trained.artifactUri(), trained.modelDigest(), Map.of());
    ValidationVerdict verdict =
        env.newActivityStub(ValidateActivities.class, ActivityTesting.OPTIONS)
            .validate(new ValidationRequest(spec, "run-1", candidate, trained, null));
    assertThat(verdict.passed()).as(verdict.checks().toString()).isTrue();
    assertThat(verdict.reportUri())
        .isEqualTo(s3.uri("tollgate/reports/demo-model/v1/validation.json"));
    assertThat(Digests.sha256(artifacts.get("reports/demo-model/v1/validation.json")))
        .isEqualTo(verdict.reportDigest());

    var deploy = env.newActivityStub(DeployActivities.class, ActivityTesting.OPTIONS);
    var deployment = deploy.deploy(new DeployRequest(candidate, spec.deploy(), data, "run-1"));
    assertThat(deploy.smokeTest(deployment).passed()).isTrue();

    ModelStore.Loaded loaded =
        new ModelStore(artifacts).load(trained.artifactUri(), trained.modelDigest(), data);
    assertThat(loaded.metadata().dataSha256()).isEqualTo(trained.dataDigest());
    assertThat(Files.exists(home.resolve("serving/demo-model/current.json"))).isTrue();
  }
}
