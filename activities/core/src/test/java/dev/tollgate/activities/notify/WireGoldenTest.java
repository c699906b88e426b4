package dev.tollgate.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.files.Json;
import dev.tollgate.stages.PipelineEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What machines read, byte for byte: the webhook's JSON body and the {@code events.jsonl} line of
 * every sample event, against {@code src/test/resources/wire-golden/} (one line per event, in
 * {@link SampleEvents#all()}'s order). These are formats other programs parse; a change to them is
 * a breaking change, so a difference fails. {@code -Dgolden.update=true} rewrites the files.
 */
class WireGoldenTest {
  static final Path DIR = Path.of("src/test/resources/wire-golden");

  /** The line's time is the moment it was written: fixed here so the rest can be compared. */
  private static final String TIMESTAMP = "\"timestamp\":\"2026-12-02T02:00:00Z\"";

  @Test
  void webhookBodiesAreByteForByteTheGoldenOnes() throws IOException {
    StringBuilder lines = new StringBuilder();
    for (Map.Entry<String, PipelineEvent> e : SampleEvents.all().entrySet()) {
      lines.append(Json.line(WebhookSink.Body.of(e.getValue()))).append('\n');
    }
    assertMatches("webhook.jsonl", lines.toString());
  }

  @Test
  void eventsFileLinesAreByteForByteTheGoldenOnes(@TempDir Path home) throws IOException {
    Path file = home.resolve("events.jsonl");
    EventLog log = new EventLog(file);
    SampleEvents.all().values().forEach(log::append);
    String written = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(written).containsPattern("^\\{\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT[^\"]+Z\",");
    assertMatches("events.jsonl", written.replaceAll("\"timestamp\":\"[^\"]*\"", TIMESTAMP));
  }

  private static void assertMatches(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(DIR);
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(file).as("golden file %s (create it with -Dgolden.update=true)", file).exists();
    assertThat(actual)
        .as("%s differs from its golden file; -Dgolden.update=true rewrites it", name)
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }
}
