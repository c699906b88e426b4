package dev.tollgate.activities.tracking.mlflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.spec.TrackingSpec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bridge's bounds with a fake MLflow that accepts connections and never answers (a hung
 * server): every call gives up at its timeout and becomes a warning, so neither validation nor a
 * promotion waits on it longer than that. The real server's behaviour is {@link
 * MlflowTrackingTest}'s.
 */
class MlflowTrackerTest {
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
              HttpClient.newHttpClient(),
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
