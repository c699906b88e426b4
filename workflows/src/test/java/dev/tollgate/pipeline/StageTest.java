package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one-line summary both the workflow and {@code tollgate runs} write for a running run. */
class StageTest {
  @Test
  void aRunningSummaryNamesTheModelItsVersionAndTheStageInWords() {
    assertThat(Stage.runningSummary("energy-load", 3, Stage.AWAITING_APPROVAL.name()))
        .isEqualTo("energy-load v3: awaiting approval");
    // tollgate runs reads the version from an Int search attribute (a Long)
    assertThat(Stage.runningSummary("energy-load", 12L, "DEPLOYING"))
        .isEqualTo("energy-load v12: deploying");
  }

  @Test
  void beforeTrainingRegistersAVersionTheSummaryHasNone() {
    assertThat(Stage.runningSummary("energy-load", null, Stage.TRAINING.name()))
        .isEqualTo("energy-load: training");
  }
}
