package dev.tollgate.adapters.mlflow;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.activities.ActivityTesting;
import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.LocalArtifactStore;
import dev.tollgate.activities.data.DatasetFiles;
import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.activities.outbound.CountingServer;
import dev.tollgate.activities.outbound.OutboundHttp;
import dev.tollgate.activities.outbound.OutboundPolicy;
import dev.tollgate.activities.registry.JdbcRegistry;
import dev.tollgate.activities.serving.InProcessServingClient;
import dev.tollgate.activities.serving.ModelServing;
import dev.tollgate.activities.wiring.StageActivities;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.pipeline.SpecJson;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.TrackingSpec;
import dev.tollgate.spec.TrainingSpec;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.PromoteRequest;
import dev.tollgate.stages.RegisterRequest;
import dev.tollgate.stages.RegistryActivities;
import dev.tollgate.stages.RollbackRequest;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import dev.tollgate.stages.ValidateActivities;
import dev.tollgate.stages.ValidationRequest;
import dev.tollgate.stages.ValidationVerdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MLflow bridge against a real {@code mlflow server}: the stages as the worker wires them log
 * each validated run, register its version and move the champion alias, and every claim is read
 * back through MLflow's own REST API. An MLflow that cannot be reached changes no outcome.
 */
class MlflowTrackingTest {
  /** The server runs on 127.0.0.1: the worker's allow-list must name it, as an operator would. */
  private static final OutboundHttp LOOPBACK_ALLOWED =
      new OutboundHttp(OutboundPolicy.of(List.of("127.0.0.1")));

  @TempDir static Path serverDir;
  private static MlflowServer mlflow;
  private static MlflowReadBack read;

  @TempDir Path home;
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private TestActivityEnvironment env;
  private RegistryDatabase database;
  private TrainActivities train;
  private ValidateActivities validate;
  private RegistryActivities registry;

  @BeforeAll
  static void startMlflow() throws Exception {
    mlflow = MlflowServer.start(serverDir);
    read = new MlflowReadBack(mlflow);
  }

  @AfterAll
  static void stopMlflow() {
    if (mlflow != null) mlflow.close();
  }

  @BeforeEach
  void wireStages() {
    Path root = home.toAbsolutePath();
    database = RegistryDatabase.open(RegistryDatabase.h2Url(root), null, null);
    var artifacts = new LocalArtifactStore(root.resolve("artifacts"));
    var serving =
        new ModelServing(
            root.resolve("serving"), new dev.tollgate.activities.artifacts.ModelStore(artifacts));
    StageActivities stages =
        StageActivities.create(
            root,
            artifacts,
            DatasetFiles.localOnly(),
            new JdbcRegistry(database),
            new InProcessServingClient(serving),
            serving::refresh,
            null,
            List.of(),
            null,
            new MlflowTracker(new TrackingFailures(meters), LOOPBACK_ALLOWED));
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(stages.all());
    train = env.newActivityStub(TrainActivities.class, ActivityTesting.OPTIONS);
    validate = env.newActivityStub(ValidateActivities.class, ActivityTesting.OPTIONS);
    registry = env.newActivityStub(RegistryActivities.class, ActivityTesting.OPTIONS);
  }

  @AfterEach
  void closeEnvironment() {
    env.close();
    // the H2 files must be closed before the home folder is removed
    database.close();
  }

  @Test
  void logsEachRunRegistersItsVersionAndMovesTheChampionOnPromotionAndRollback() throws Exception {
    PipelineSpec good = spec(mlflow.uri(), "energy-bridge", TestData.fastBoosting());

    // Run 1: the first candidate; MLflow has no champion yet, so the gate is skipped.
    Candidate first = run(good, "run-1");
    assertThat(first.verdict().passed()).as(first.verdict().checks().toString()).isTrue();
    assertThat(check(first.verdict(), "champion.rmse").status())
        .isEqualTo(CheckResult.Status.SKIPPED);
    assertThat(check(first.verdict(), "champion.rmse").message())
        .contains("no MLflow model version holds the champion alias");
    assertThat(first.verdict().checks()).extracting(CheckResult::name).doesNotContain("mlflow");

    String experiment = read.experimentId("energy-bridge");
    JsonNode run1 = read.onlyRun(experiment, "run-1");
    String run1Id = run1.path("info").path("run_id").asText();
    assertThat(run1.path("info").path("status").asText()).isEqualTo("FINISHED");
    Map<String, String> params = MlflowReadBack.pairs(run1.path("data").path("params"));
    assertThat(params)
        .containsEntry("algorithm", "gradient_boosting")
        .containsEntry("trees", "120")
        .containsEntry("shrinkage", "0.1")
        .containsEntry("seed", "42")
        .containsEntry("holdout", "0.2")
        .containsEntry("data.target", "y")
        .containsEntry("data.features", "x1,x2");
    Map<String, String> tags = MlflowReadBack.pairs(run1.path("data").path("tags"));
    assertThat(tags)
        .containsEntry("tollgate.run_id", "run-1")
        .containsEntry("tollgate.model", "demo-model")
        .containsEntry("tollgate.version", "1")
        .containsEntry("tollgate.validation", "passed")
        .containsEntry("tollgate.model_digest", first.version().modelDigest());
    Map<String, Double> metrics = MlflowReadBack.metrics(run1);
    assertThat(metrics.keySet()).contains("rmse", "mae", "r2");
    assertThat(metrics.get("rmse")).isCloseTo(first.trained().metrics().get("rmse"), within(1e-9));

    // The artifacts: both reports, byte for byte, and the model folder.
    assertThat(read.artifactPaths(run1Id, "validation"))
        .containsExactlyInAnyOrder("validation/validation.json", "validation/validation.html");
    assertThat(read.artifactPaths(run1Id, "model"))
        .contains("model/metadata.json")
        .anyMatch(p -> p.startsWith("model/model."));
    String root = run1.path("info").path("artifact_uri").asText().replace("mlflow-artifacts:/", "");
    byte[] report = mlflow.artifact(root + "/validation/validation.json");
    assertThat(report)
        .isEqualTo(
            Files.readAllBytes(home.resolve("artifacts/reports/demo-model/v1/validation.json")));

    // The model version mirrors Tollgate's v1 and points at the run's model folder.
    JsonNode v1 = read.modelVersion(1);
    assertThat(v1.path("run_id").asText()).isEqualTo(run1Id);
    assertThat(v1.path("source").asText()).endsWith(run1Id + "/artifacts/model");

    // A retried validation logs into the same run and registers no second version or point.
    validate.validate(first.request());
    assertThat(read.onlyRun(experiment, "run-1").path("info").path("run_id").asText())
        .isEqualTo(run1Id);
    assertThat(read.versions()).hasSize(1);
    assertThat(
            mlflow
                .get("metrics/get-history", Map.of("run_id", run1Id, "metric_key", "rmse"))
                .path("metrics"))
        .hasSize(1);

    // Promotion moves the champion to v1 (twice is harmless).
    registry.promote(new PromoteRequest("demo-model", 1, "run-1", "alice"));
    registry.promote(new PromoteRequest("demo-model", 1, "run-1", "alice"));
    assertThat(read.champion()).isEqualTo(v1.path("version").asText());

    // Run 2: a much weaker model must beat the champion's logged rmse, and cannot.
    Candidate weak = run(spec(mlflow.uri(), "energy-bridge", TestData.weakBoosting()), "run-2");
    CheckResult gate = check(weak.verdict(), "champion.rmse");
    assertThat(gate.status()).isEqualTo(CheckResult.Status.FAIL);
    assertThat(gate.message())
        .contains("MLflow's champion (version " + v1.path("version").asText() + ", Tollgate v1)");
    assertThat(weak.verdict().passed()).isFalse();
    assertThat(MlflowReadBack.pairs(read.onlyRun(experiment, "run-2").path("data").path("tags")))
        .containsEntry("tollgate.validation", "failed");

    // Run 3: as good as the champion (within the tolerance): passes, is promoted, is champion.
    Candidate third = run(good, "run-3");
    assertThat(check(third.verdict(), "champion.rmse").status()).isEqualTo(CheckResult.Status.PASS);
    registry.promote(new PromoteRequest("demo-model", 3, "run-3", "alice"));
    assertThat(read.champion()).isEqualTo(read.modelVersion(3).path("version").asText());

    // A rollback puts Production, and MLflow's champion, back on v1.
    registry.restoreProduction(
        new RollbackRequest("demo-model", null, "rollback/demo-model/1", "bob", "bad outputs"));
    assertThat(registry.currentProduction("demo-model").version()).isEqualTo(1);
    assertThat(read.champion()).isEqualTo(v1.path("version").asText());
    assertThat(read.versions()).hasSize(3);
    assertThat(meters.find(TrackingFailures.NAME).counters()).isEmpty();
  }

  @Test
  void anUnreachableServerIsAWarningAndTheRunGoesOn() throws Exception {
    String nowhere = "http://127.0.0.1:" + dev.tollgate.activities.tools.ServerProcess.freePort();
    long started = System.nanoTime();
    Candidate c = run(spec(nowhere, "energy-bridge", TestData.fastBoosting()), "run-1");

    assertThat(c.verdict().passed()).as(c.verdict().checks().toString()).isTrue();
    CheckResult warning = check(c.verdict(), "mlflow");
    assertThat(warning.status()).isEqualTo(CheckResult.Status.SKIPPED);
    assertThat(warning.message())
        .contains("MLflow at " + nowhere)
        .contains("unreachable")
        .contains("the run goes on without tracking");
    assertThat(check(c.verdict(), "champion.rmse").status()).isEqualTo(CheckResult.Status.SKIPPED);
    // The warning is in the written report too.
    assertThat(Files.readString(home.resolve("artifacts/reports/demo-model/v1/validation.json")))
        .contains("unreachable");

    registry.promote(new PromoteRequest("demo-model", 1, "run-1", "alice"));
    assertThat(registry.currentProduction("demo-model").version()).isEqualTo(1);
    assertThat(System.nanoTime() - started).isLessThan(60_000_000_000L);
    Map<String, Double> failures = new HashMap<>();
    meters
        .find(TrackingFailures.NAME)
        .counters()
        .forEach(k -> failures.put(k.getId().getTag("call"), k.count()));
    assertThat(failures)
        .containsEntry("log_run", 1.0)
        .containsEntry("read_champion", 1.0)
        .containsEntry("move_champion", 1.0);
  }

  @Test
  void aUriTheWorkerDoesNotAllowFailsTheValidationBeforeAnyCall() throws Exception {
    try (CountingServer elsewhere = CountingServer.answering(200, "{}")) {
      // localhost is 127.0.0.1 here, but the allow-list names 127.0.0.1, not localhost
      String uri = "http://localhost:" + elsewhere.port();
      ApplicationFailure f =
          businessFailure(
              () -> run(spec(uri, "energy-bridge", TestData.fastBoosting()), "run-1"),
              FailureTypes.INVALID_DATA);

      assertThat(f.getOriginalMessage())
          .startsWith("tracking.mlflow.uri: refused to connect to localhost:" + elsewhere.port())
          .contains("not in tollgate.outbound.allowed-hosts");
      assertThat(elsewhere.connections()).isZero();
      assertThat(home.resolve("artifacts/reports/demo-model/v1/validation.json"))
          .as("refused before validation wrote anything")
          .doesNotExist();
    }
  }

  @Test
  void artifactsTheServerDoesNotProxyAreAWarningAndTheRunIsLoggedAllTheSame(@TempDir Path dir)
      throws Exception {
    // An experiment whose artifacts live in a folder (as on a server run with
    // --no-serve-artifacts): MLflow's REST API cannot write there.
    String experiment =
        mlflow
            .post(
                "experiments/create",
                Map.of("name", "energy-plain", "artifact_location", dir.toUri().toString()))
            .path("experiment_id")
            .asText();
    Candidate c = run(spec(mlflow.uri(), "energy-plain", TestData.fastBoosting()), "run-1");

    assertThat(c.verdict().passed()).as(c.verdict().checks().toString()).isTrue();
    assertThat(check(c.verdict(), "mlflow").message())
        .contains("start the server with --serve-artifacts")
        .contains("the run goes on without tracking");
    assertThat(MlflowReadBack.metrics(read.onlyRun(experiment, "run-1"))).containsKey("rmse");
    assertThat(meters.find(TrackingFailures.NAME).tag("call", "log_artifacts").counter().count())
        .isEqualTo(1.0);
  }

  /** One run's train, register (with its spec, as the pipeline does) and validate. */
  private Candidate run(PipelineSpec spec, String runId) {
    TrainedModel trained =
        train.train(
            new TrainRequest(spec.model(), runId, spec.task(), spec.data(), spec.training()));
    ModelVersion candidate =
        registry.registerCandidate(
            new RegisterRequest(
                spec.model(),
                runId,
                trained.artifactUri(),
                trained.modelDigest(),
                trained.metrics(),
                trained.dataDigest(),
                SpecJson.digest(spec),
                SpecJson.json(spec)));
    var request =
        new ValidationRequest(
            spec, runId, candidate, trained, registry.currentProduction(spec.model()));
    return new Candidate(trained, candidate, request, validate.validate(request));
  }

  private record Candidate(
      TrainedModel trained,
      ModelVersion version,
      ValidationRequest request,
      ValidationVerdict verdict) {}

  private PipelineSpec spec(String uri, String experiment, TrainingSpec training) throws Exception {
    Path csv = home.resolve("data/load.csv");
    if (!Files.exists(csv)) TestData.linearCsv(csv, 600, 5, 0);
    PipelineSpec s = TestData.spec(TestData.data(csv), training, TestData.validation(Map.of()));
    var tracking =
        new TrackingSpec(
            new TrackingSpec.Mlflow(
                uri, experiment, "demo-model", new TrackingSpec.Champion(List.of("rmse"), 0.05)));
    return new PipelineSpec(
        s.source(),
        s.model(),
        s.task(),
        s.data(),
        s.training(),
        s.validation(),
        s.approval(),
        s.deploy(),
        s.notifications(),
        s.schedule(),
        tracking);
  }

  private static CheckResult check(ValidationVerdict verdict, String name) {
    return verdict.checks().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + verdict.checks()));
  }
}
