package dev.tollgate.adapters.mlflow;

import static dev.tollgate.activities.ActivityTesting.businessFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.outbound.CountingServer;
import dev.tollgate.activities.outbound.OutboundHttp;
import dev.tollgate.activities.outbound.OutboundPolicy;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.spec.TrackingSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.failure.ApplicationFailure;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bridge's bounds with fake MLflow servers on 127.0.0.1: one that accepts connections and never
 * answers (a hung server: every call gives up at its timeout and becomes a warning, so neither
 * validation nor a promotion waits on it longer than that), one whose error answers are megabytes
 * long, and one the worker's allow-list does not name (never connected to). The fakes are on
 * loopback, which a spec reaches only when the allow-list names it: {@link #LOOPBACK_ALLOWED} does.
 * The real server's behaviour is {@link MlflowTrackingTest}'s.
 */
class MlflowTrackerTest {
  private static final OutboundHttp LOOPBACK_ALLOWED =
      new OutboundHttp(OutboundPolicy.of(List.of("127.0.0.1")));

  private static TrackingSpec.Mlflow spec(String uri) {
    return new TrackingSpec.Mlflow(uri, "e", "m", new TrackingSpec.Champion(List.of("rmse"), 0.0));
  }

  private static TrackedRun run() {
    return new TrackedRun("m", 1, "run-1", Map.of(), Map.of("rmse", 1.0), Map.of());
  }

  @Test
  void aUriTheWorkerDoesNotAllowIsRefusedBeforeAnyCallAndFailsTheRun() throws Exception {
    try (CountingServer mlflow = CountingServer.answering(200, "{}")) {
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      MlflowTracker tracker =
          new MlflowTracker(
              new TrackingFailures(meters),
              new OutboundHttp(OutboundPolicy.defaults()),
              Duration.ofSeconds(5),
              Duration.ofSeconds(5));

      ApplicationFailure f =
          businessFailure(
              () -> tracker.open(spec(mlflow.url("")), run()), FailureTypes.INVALID_DATA);
      assertThat(f.getOriginalMessage())
          .startsWith("tracking.mlflow.uri: refused to connect to 127.0.0.1:" + mlflow.port())
          .contains("loopback", "tollgate.outbound.allowed-hosts");
      // A promotion still goes on: moving the alias is a warning, as for any tracking failure.
      assertThat(tracker.moveChampion(spec(mlflow.url("")), "m", 1))
          .contains("move champion failed")
          .contains("refused to connect to 127.0.0.1");
      assertThat(mlflow.connections()).isZero();
    }
  }

  @Test
  void aMegabyteErrorAnswerComesBackAsOneShortLine() throws Exception {
    String junk = ("line one\n\u001b[31mred\u0000" + "x".repeat(1000) + "\r\n").repeat(5_000);
    String hugeJson =
        "{\"error_code\": \"INTERNAL_ERROR\", \"message\": \"" + "y".repeat(1_000_000) + "\"}";
    try (CountingServer text = CountingServer.answering(500, junk);
        CountingServer json = CountingServer.answering(500, hugeJson)) {
      MlflowTracker tracker =
          new MlflowTracker(
              new TrackingFailures(new SimpleMeterRegistry()),
              LOOPBACK_ALLOWED,
              Duration.ofSeconds(10),
              Duration.ofSeconds(10));

      String fromText = tracker.open(spec(text.url("")), run()).warning();
      String fromJson = tracker.open(spec(json.url("")), run()).warning();

      assertThat(junk.length()).isGreaterThan(5_000_000);
      assertThat(fromText)
          .contains("HTTP 500: line one [31mred xxx")
          .contains("characters)")
          .doesNotContain("\n", "\r", "\u001b", "\u0000")
          .hasSizeLessThan(600);
      assertThat(fromJson)
          .contains("HTTP 500 INTERNAL_ERROR: yyy")
          .contains("… (cut at 200 of 1,000,000 characters)")
          .hasSizeLessThan(600);
    }
  }

  @Test
  void aServerThatNeverAnswersIsAWarningWithinTheTimeout() throws Exception {
    List<Socket> held = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  while (true) held.add(silent.accept()); // read nothing, answer nothing
                } catch (java.io.IOException closed) {
                  // the test is over
                }
              });
      String uri = "http://127.0.0.1:" + silent.getLocalPort();
      SimpleMeterRegistry meters = new SimpleMeterRegistry();
      MlflowTracker tracker =
          new MlflowTracker(
              new TrackingFailures(meters),
              LOOPBACK_ALLOWED,
              Duration.ofMillis(300),
              Duration.ofMillis(300));
      var spec =
          new TrackingSpec.Mlflow(uri, "e", "m", new TrackingSpec.Champion(List.of("rmse"), 0.0));

      long started = System.nanoTime();
      Session session =
          tracker.open(
              spec, new TrackedRun("m", 1, "run-1", Map.of(), Map.of("rmse", 1.0), Map.of()));
      String moved = tracker.moveChampion(spec, "m", 1);
      long millis = (System.nanoTime() - started) / 1_000_000;

      assertThat(session.warning()).contains("MLflow at " + uri).contains("timed out");
      assertThat(session.championWarning()).contains("read champion failed");
      assertThat(session.mlflowRunId()).isNull();
      assertThat(session.finish(Map.of("a", new byte[1]), Map.of())).isEqualTo(session.warning());
      assertThat(moved).contains("move champion failed");
      assertThat(millis).isLessThan(5_000);
      assertThat(meters.find(TrackingFailures.NAME).counters()).hasSize(3);
    } finally {
      for (Socket s : held) s.close();
    }
  }

  @Test
  void entriesWithoutAValueAreLeftOutRatherThanStoppingTheLogging() {
    Map<String, String> params = new java.util.HashMap<>(Map.of("algorithm", "linear"));
    params.put("search", null);
    Map<String, Double> metrics = new java.util.HashMap<>(Map.of("rmse", 1.5, "r2", Double.NaN));
    metrics.put("auc", null);
    Map<String, String> tags = new java.util.HashMap<>();
    tags.put("tollgate.data_sha256", null);

    TrackedRun run = new TrackedRun("m", 1, "run-1", params, metrics, tags);

    assertThat(run.params()).containsExactly(Map.entry("algorithm", "linear"));
    assertThat(run.metrics()).containsExactly(Map.entry("rmse", 1.5));
    assertThat(run.tags()).isEmpty();
  }
}
