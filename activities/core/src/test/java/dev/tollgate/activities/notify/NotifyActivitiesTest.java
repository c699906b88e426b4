package dev.tollgate.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.activities.files.Json;
import dev.tollgate.stages.ApprovalRequested;
import dev.tollgate.stages.EventHeader;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.PipelineEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyActivitiesTest {
  @TempDir Path home;

  private static PipelineEvent event(int i) {
    return TestEvents.finished(
        TestEvents.header("energy", "run-" + i, "finished \"deployed\"\nv" + i, null, 0),
        Outcome.DEPLOYED,
        i,
        Map.of());
  }

  @Test
  void eachEventIsOneParseableJsonLine() throws Exception {
    Path file = home.resolve("events.jsonl");
    var notify = new NotifyActivitiesImpl(new EventLog(file));
    notify.publish(event(1));
    notify.publish(
        new ApprovalRequested(
            new EventHeader("energy", "run-2", "wf", null), 2, List.of(), "", null, null, null));

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(2);
    JsonNode first = Json.mapper().readTree(lines.get(0));
    assertThat(first.get("kind").asText()).isEqualTo("FINISHED");
    assertThat(first.get("model").asText()).isEqualTo("energy");
    assertThat(first.get("run_id").asText()).isEqualTo("run-1");
    assertThat(first.get("workflow_id").asText()).isEqualTo("pipeline/energy/run-1");
    assertThat(first.get("message").asText()).isEqualTo("finished \"deployed\"\nv1");
    assertThat(first.get("fields").get("outcome").asText()).isEqualTo("DEPLOYED");
    assertThat(Instant.parse(first.get("timestamp").asText())).isBeforeOrEqualTo(Instant.now());
    assertThat(Json.mapper().readTree(lines.get(1)).get("kind").asText())
        .isEqualTo("APPROVAL_REQUESTED");
  }

  @Test
  void concurrentPublishersNeverInterleaveLines() throws Exception {
    Path file = home.resolve("events.jsonl");
    var first = new NotifyActivitiesImpl(new EventLog(file));
    var second = new NotifyActivitiesImpl(new EventLog(file));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 200; i++) {
      int n = i;
      pool.submit(() -> (n % 2 == 0 ? first : second).publish(event(n)));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(200);
    assertThat(lines.stream().map(l -> parse(l).get("run_id").asText()).distinct().count())
        .isEqualTo(200);
  }

  private static JsonNode parse(String line) {
    try {
      return Json.mapper().readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + line, e);
    }
  }
}
