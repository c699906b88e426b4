package dev.tollgate.activities.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.ActivityTesting;
import dev.tollgate.activities.TestData;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.files.FileUris;
import dev.tollgate.activities.train.TrainActivitiesImpl;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.Task;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.TrainActivities;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrainedModel;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tollgate serve}'s serving: the poller loads a changed pointer without any request; a
 * version that cannot be loaded leaves the previous one serving, told once per pointer change, and
 * loads once it can; nothing loaded is a 503 with the reason; the environment and model filters;
 * without request rechecks (serve's) only a poll loads, follows or retries, with them (the
 * worker's) a request does after 250 ms.
 */
class ServingPollerTest {
  private static final String MODEL = TestData.MODEL;
  private static final List<Map<String, Object>> ROWS = List.of(Map.of("x1", 1.0, "x2", 2.0));

  @TempDir Path home;
  private ModelStore models;
  private ModelVersion v1;
  private ModelVersion v2;
  private final List<String> failures = new CopyOnWriteArrayList<>();

  @BeforeEach
  void trainTwoVersions() throws IOException {
    DataSpec data = TestData.data(TestData.linearCsv(home.resolve("data.csv"), 300, 3, 0));
    models = new ModelStore(home.resolve("models"));
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(new TrainActivitiesImpl(new DatasetLoader(), models));
      TrainActivities train = env.newActivityStub(TrainActivities.class, ActivityTesting.OPTIONS);
      v1 = version(1, train.train(request(data, TestData.training("linear", Map.of()))));
      v2 = version(2, train.train(request(data, TestData.training("linear", Map.of()))));
    } finally {
      env.close();
    }
  }

  private static TrainRequest request(DataSpec data, dev.tollgate.spec.TrainingSpec training) {
    return new TrainRequest(MODEL, "run", Task.REGRESSION, data, training);
  }

  private static ModelVersion version(int n, TrainedModel t) {
    return new ModelVersion(MODEL, n, "run-" + n, t.artifactUri(), t.modelDigest(), t.metrics());
  }

  private ModelServing serving(ServingScope scope) {
    return serving(scope, RequestRecheck.DEFAULT);
  }

  private ModelServing serving(ServingScope scope, RequestRecheck recheck) {
    return new ModelServing(
        home.resolve("serving"), models, scope, (m, v, why) -> failures.add(m + " v" + v), recheck);
  }

  private void point(String servedAs, ModelVersion v) {
    ServingPointer.of(v, "run-" + v.version(), servedAs, null)
        .write(home.resolve("serving").resolve(servedAs).resolve("current.json"));
  }

  private Path modelFile(ModelVersion v) throws IOException {
    try (var files = Files.list(FileUris.artifact(v.artifactUri()))) {
      return files
          .filter(f -> f.getFileName().toString().startsWith("model."))
          .findFirst()
          .orElseThrow();
    }
  }

  /** Flips a byte of {@code file} (its SHA-256 no longer the registry's); returns the original. */
  private static byte[] damage(Path file) throws IOException {
    byte[] good = Files.readAllBytes(file);
    byte[] bad = good.clone();
    bad[bad.length / 2] ^= 0x5a;
    Files.write(file, bad);
    return good;
  }

  private static void await(BooleanSupplier condition, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) throw new AssertionError("not within " + within);
      Thread.sleep(20);
    }
  }

  @Test
  void thePollerLoadsANewPointerWithoutAnyRequest() throws Exception {
    ModelServing serving = serving(ServingScope.of(ServingScope.Environment.PRODUCTION, List.of()));
    point(MODEL, v1);
    try (ServingPoller poller = new ServingPoller(serving, Duration.ofMillis(50)).start()) {
      assertThat(serving.state(MODEL).version()).as("loaded at start").isEqualTo(1);
      point(MODEL, v2);
      long written = System.nanoTime();
      await(() -> Integer.valueOf(2).equals(serving.state(MODEL).version()), Duration.ofSeconds(2));
      assertThat(Duration.ofNanos(System.nanoTime() - written)).isLessThan(Duration.ofSeconds(2));
    }
    assertThat(serving.predict(MODEL, ROWS, null).version()).isEqualTo(2);
  }

  @Test
  void withoutRequestRechecksOnlyAPollLoadsOrFollowsAPointer() throws Exception {
    ModelServing serving = serving(ServingScope.all(), RequestRecheck.never());
    point(MODEL, v1);
    assertThatThrownBy(() -> serving.predict(MODEL, ROWS, null))
        .isInstanceOfSatisfying(ServingError.class, e -> assertThat(e.status()).isEqualTo(503))
        .hasMessageContaining("not loaded yet");
    serving.poll(MODEL);
    assertThat(serving.predict(MODEL, ROWS, null).version()).isEqualTo(1);
    point(MODEL, v2);
    serving.refresh(MODEL); // what a deploy stage of the same process would call: no effect here
    Thread.sleep(300); // past the worker's recheck (250 ms)
    assertThat(serving.predict(MODEL, ROWS, null).version()).isEqualTo(1);
    assertThat(serving.served(MODEL)).extracting(ServedModel::version).containsExactly(1);
    serving.poll(MODEL);
    assertThat(serving.predict(MODEL, ROWS, null).version()).isEqualTo(2);
  }

  @Test
  void withoutRequestRechecksAFailedLoadIsTriedAgainByAPollOnly() throws Exception {
    ModelServing serving = serving(ServingScope.all(), RequestRecheck.never());
    Path file = modelFile(v1);
    byte[] good = damage(file);
    point(MODEL, v1);
    serving.poll(MODEL);
    Files.write(file, good);
    Thread.sleep(300);
    assertThatThrownBy(() -> serving.predict(MODEL, ROWS, null))
        .isInstanceOfSatisfying(ServingError.class, e -> assertThat(e.status()).isEqualTo(503))
        .hasMessageContaining("v1 could not be loaded");
    serving.poll(MODEL);
    assertThat(serving.predict(MODEL, ROWS, null).version()).isEqualTo(1);
  }

  @Test
  void theWorkersRequestsFollowAPointerAndRetryAFailedLoadAfterTheRecheck() throws Exception {
    ModelServing serving = serving(ServingScope.all(), RequestRecheck.DEFAULT);
    Path file = modelFile(v1);
    byte[] good = damage(file);
    point(MODEL, v1);
    assertThatThrownBy(() -> serving.predict(MODEL, ROWS, null)).isInstanceOf(ServingError.class);
    Files.write(file, good);
    Thread.sleep(300);
    assertThat(serving.predict(MODEL, ROWS, null).version()).as("retried").isEqualTo(1);
    point(MODEL, v2);
    Thread.sleep(300);
    assertThat(serving.predict(MODEL, ROWS, null).version()).as("followed").isEqualTo(2);
  }

  @Test
  void aVersionThatCannotBeLoadedLeavesThePreviousServingToldOnceAndLoadsWhenItCan()
      throws Exception {
    ModelServing serving = serving(ServingScope.all());
    point(MODEL, v1);
    assertThat(serving.predict(MODEL, ROWS, null).version()).isEqualTo(1);
    Path file = modelFile(v2);
    byte[] good = damage(file);
    point(MODEL, v2);
    for (int i = 0; i < 5; i++) serving.poll(MODEL);

    assertThat(serving.predict(MODEL, ROWS, null).version()).as("still v1").isEqualTo(1);
    assertThat(serving.loadFailure(MODEL).version()).isEqualTo(2);
    assertThat(serving.loadFailure(MODEL).reason()).contains("SHA-256");
    assertThat(serving.state(MODEL).loaded()).isTrue();
    assertThat(failures)
        .as("once per pointer change, not per retry")
        .containsExactly(MODEL + " v2");

    Files.write(file, good); // e.g. an upload that had not finished
    serving.poll(MODEL);
    assertThat(serving.predict(MODEL, ROWS, null).version()).isEqualTo(2);
    assertThat(serving.loadFailure(MODEL)).isNull();
  }

  @Test
  void nothingLoadableIsA503WithTheReason() throws Exception {
    ModelServing serving = serving(ServingScope.all());
    Path file = modelFile(v1);
    damage(file);
    point(MODEL, v1);
    serving.poll(MODEL);
    assertThatThrownBy(() -> serving.predict(MODEL, ROWS, null))
        .isInstanceOfSatisfying(ServingError.class, e -> assertThat(e.status()).isEqualTo(503))
        .hasMessageContaining(MODEL + " v1 could not be loaded")
        .hasMessageContaining("SHA-256");
    assertThat(serving.state(MODEL).missing()).contains("v1 could not be loaded");
    assertThat(failures).containsExactly(MODEL + " v1");
    ServingStatus status = new InProcessServingClient(serving).status(MODEL);
    assertThat(status.versions()).isEmpty();
    assertThat(status.failedToLoad(1)).as("the smoke test's wait ends at once").isTrue();
  }

  @Test
  void anEnvironmentServesItsOwnNamesOnly() {
    point(MODEL, v1);
    point(MODEL + ".staging", v2);
    ModelServing staging = serving(ServingScope.of(ServingScope.Environment.STAGING, List.of()));
    ModelServing production =
        serving(ServingScope.of(ServingScope.Environment.PRODUCTION, List.of()));

    assertThat(staging.assigned()).containsExactly(MODEL + ".staging");
    assertThat(staging.predict(MODEL + ".staging", ROWS, null).version()).isEqualTo(2);
    assertThatThrownBy(() -> staging.requireServed(MODEL))
        .isInstanceOfSatisfying(ServingError.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(production.assigned()).containsExactly(MODEL);
    assertThatThrownBy(() -> production.requireServed(MODEL + ".staging"))
        .isInstanceOfSatisfying(ServingError.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void aNamedModelNotDeployedYetIsMissingWith503AndOthersAreNotServed() {
    point(MODEL, v1);
    point("other", v2);
    ModelServing serving =
        serving(ServingScope.of(ServingScope.Environment.PRODUCTION, List.of(MODEL, "later")));
    assertThat(serving.assigned()).containsExactly(MODEL, "later");
    assertThat(serving.models()).containsExactly(MODEL);
    assertThatThrownBy(() -> serving.requireServed("later"))
        .isInstanceOfSatisfying(ServingError.class, e -> assertThat(e.status()).isEqualTo(503))
        .hasMessageContaining("later is assigned to this server but not deployed to production");
    assertThat(serving.state("later").missing()).contains("not deployed to production yet");
    assertThatThrownBy(() -> serving.requireServed("other"))
        .isInstanceOfSatisfying(ServingError.class, e -> assertThat(e.status()).isEqualTo(404));
  }
}
