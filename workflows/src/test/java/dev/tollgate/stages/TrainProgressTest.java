package dev.tollgate.stages;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The train activity's heartbeat details as the Temporal UI and the CLI read them: a catalogue
 * trainer's are the JSON they always were; a training command's carry its text, bounded.
 */
class TrainProgressTest {
  private final DataConverter converter = DataConverter.getDefaultInstance();

  private String json(TrainProgress p) {
    Payload payload = converter.toPayload(p).orElseThrow();
    return payload.getData().toString(StandardCharsets.UTF_8);
  }

  @Test
  void aCatalogueTrainersHeartbeatHasNoTextInItsJson() {
    assertThat(json(new TrainProgress("training", 10, 5, 10, 900)))
        .isEqualTo(
            "{\"phase\":\"training\",\"rows\":10,\"done\":5,\"total\":10,\"elapsedMillis\":900}");
  }

  @Test
  void aHeartbeatWrittenBeforeTheTextExistedStillReads() {
    Payload old = converter.toPayload(new TrainProgress("training", 10, 5, 10, 900)).orElseThrow();
    TrainProgress read = converter.fromPayload(old, TrainProgress.class, TrainProgress.class);
    assertThat(read.text()).isNull();
    assertThat(read.byCommand()).isFalse();
  }

  @Test
  void theRayJobAnAttemptFollowsTravelsAndSurvivesTheTimersResend() {
    var beat =
        new TrainProgress("training", 800, 420, 1000, 3_000, "epoch 3/10")
            .withRayJob("tollgate-m-r1-1", "session_2026");
    assertThat(json(beat))
        .contains("\"raySubmissionId\":\"tollgate-m-r1-1\"", "\"raySession\":\"session_2026\"");
    var read =
        converter.fromPayloads(
            0, converter.toPayloads(beat.at(9_000)), TrainProgress.class, TrainProgress.class);
    assertThat(read.raySubmissionId()).isEqualTo("tollgate-m-r1-1");
    assertThat(read.raySession()).isEqualTo("session_2026");
    assertThat(json(new TrainProgress("training", 1, 1, 2, 0, "x"))).doesNotContain("ray");
  }

  @Test
  void aCommandsTextTravelsWithItsProgress() {
    var beat = new TrainProgress("training", 800, 420, 1000, 3_000, "epoch 3/10");
    assertThat(json(beat)).contains("\"text\":\"epoch 3/10\"");
    var read =
        converter.fromPayloads(
            0, converter.toPayloads(beat), TrainProgress.class, TrainProgress.class);
    assertThat(read).isEqualTo(beat);
    assertThat(read.byCommand()).isTrue();
    assertThat(new TrainProgress("training", 800, 420, 1000, 3_000, "").byCommand()).isTrue();
  }

  @Test
  void theTextIsOneBoundedLineWithoutEscapes() {
    String longText = "x".repeat(5_000);
    String cut = new TrainProgress("training", 1, 1, 2, 0, longText).text();
    assertThat(cut).hasSize(TrainProgress.MAX_TEXT + 1).endsWith("…");
    // what the runner already cut passes unchanged
    assertThat(new TrainProgress("training", 1, 1, 2, 0, cut).text()).isEqualTo(cut);
    assertThat(new TrainProgress("training", 1, 1, 2, 0, "  a\u001b[2Jb\r\nc\t ").text())
        .isEqualTo("a [2Jb  c");
    assertThat(new TrainProgress("training", 1, 1, 2, 0, "é".repeat(300)).text())
        .isEqualTo("é".repeat(TrainProgress.MAX_TEXT) + "…");
    assertThat(Optional.ofNullable(new TrainProgress("training", 1, 1, 2, 0).text())).isEmpty();
  }
}
