package dev.tollgate.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.stages.TrainProgress;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionResponse;
import io.temporal.common.converter.DataConverter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The progress bar of {@code tollgate status}, from a pending activity's heartbeat details. */
class TrainingProgressTest {
  private final DataConverter converter = DataConverter.getDefaultInstance();

  private DescribeWorkflowExecutionResponse describing(String type, TrainProgress details) {
    var activity =
        PendingActivityInfo.newBuilder().setActivityType(ActivityType.newBuilder().setName(type));
    if (details != null) {
      activity.setHeartbeatDetails(converter.toPayloads(details).orElseThrow());
    }
    return DescribeWorkflowExecutionResponse.newBuilder().addPendingActivities(activity).build();
  }

  @Test
  void decodesTheTrainActivitysHeartbeat() {
    var beat = new TrainProgress("training", 64000, 87, 200, 12_300);
    assertThat(TrainingProgress.of(describing("Train", beat), converter)).contains(beat);
    assertThat(TrainingProgress.of(describing("Validate", beat), converter)).isEmpty();
    assertThat(TrainingProgress.of(describing("Train", null), converter)).isEmpty();
  }

  @Test
  void drawsABarWhenTreesAreCountedAndRowsOtherwise() {
    assertThat(TrainingProgress.describe(new TrainProgress("training", 64000, 87, 200, 12_300)))
        .isEqualTo("training [##########..............] 87/200 trees 44%, 12.3s");
    assertThat(TrainingProgress.describe(new TrainProgress("scoring", 16000, 0, 0, 15_000)))
        .isEqualTo("scoring 16000 rows, 15.0s");
  }

  @Test
  void decodesACommandsHeartbeatWithItsText() {
    var beat = new TrainProgress("training", 800, 420, 1000, 12_300, "epoch 3/10");
    assertThat(TrainingProgress.of(describing("Train", beat), converter)).contains(beat);
  }

  @Test
  void showsACommandsProgressAsAPercentageAndItsWordsNeverTrees() {
    assertThat(
            TrainingProgress.describe(
                new TrainProgress("training", 800, 420, 1000, 12_300, "epoch 3/10")))
        .isEqualTo("training [##########..............] 42% epoch 3/10, 12.3s");
    assertThat(TrainingProgress.describe(new TrainProgress("training", 800, 1000, 1000, 900, "")))
        .isEqualTo("training [########################] 100%, 0.9s");
    assertThat(
            TrainingProgress.describe(
                new TrainProgress("training", 800, 5, 1000, 900, "loss \u001b[31m0.3\nnext")))
        .isEqualTo("training [........................] 1% loss  [31m0.3 next, 0.9s")
        .doesNotContain("trees");
  }

  @Test
  void statusShowsTheProgressLineWhileTraining() {
    var text = new StringWriter();
    new StatusPrinter(new PrintWriter(text), 0)
        .print(
            "pipeline/energy-load/r1", training(), new TrainProgress("training", 10, 5, 10, 900));
    assertThat(text.toString())
        .contains("  stage     TRAINING")
        .contains("  progress  training [############............] 5/10 trees 50%, 0.9s");
  }

  @Test
  void statusShowsACommandsProgressWithItsWords() {
    var text = new StringWriter();
    new StatusPrinter(new PrintWriter(text), 0)
        .print(
            "pipeline/churn/r1",
            training(),
            new TrainProgress("training", 800, 420, 1000, 3_000, "epoch 3/10"));
    assertThat(text.toString())
        .contains("  progress  training [##########..............] 42% epoch 3/10, 3.0s")
        .doesNotContain("trees");
  }

  private static PipelineStatus training() {
    return new PipelineStatus(
        "energy-load",
        "r1",
        Stage.TRAINING,
        List.of(),
        Map.of(),
        null,
        null,
        List.of(),
        null,
        null,
        null,
        null,
        null);
  }
}
