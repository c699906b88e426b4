package dev.tollgate.activities.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.train.command.CommandOutcome;
import dev.tollgate.pipeline.FailureTypes;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the train stage ends for each outcome the runner can return, and which file is the model. */
class CommandOutcomesTest {
  private static final Path RUN = Path.of("/runs/abc");
  private static final CommandHeartbeat NOT_CANCELLED = new CommandHeartbeat(null);

  private static ApplicationFailure failure(CommandOutcome outcome) {
    return (ApplicationFailure) CommandOutcomes.failure(outcome, NOT_CANCELLED);
  }

  @Test
  void aWorkerStoppingIsRetriedElsewhereButATimeoutIsNot() {
    ApplicationFailure shutdown =
        failure(new CommandOutcome.Stopped(RUN, "interrupted: the worker is stopping", 2));
    assertThat(shutdown.isNonRetryable()).isFalse();
    assertThat(shutdown.getType()).isEqualTo(CommandOutcomes.RETRY);
    assertThat(shutdown.getOriginalMessage()).contains("the worker is stopping");

    ApplicationFailure timeout = failure(new CommandOutcome.Stopped(RUN, "timed out after 2h", 1));
    assertThat(timeout.isNonRetryable()).isTrue();
    assertThat(timeout.getType()).isEqualTo(FailureTypes.INVALID_DATA);
    assertThat(timeout.getOriginalMessage()).contains("timed out after 2h (training.timeout)");
  }

  @Test
  void exitSeventyFiveIsRetriedAndOtherExitsAreNot() {
    assertThat(failure(new CommandOutcome.Failed(RUN, "exit 75 (EX_TEMPFAIL)", 75, true)))
        .matches(f -> !f.isNonRetryable() && f.getType().equals(CommandOutcomes.RETRY));
    assertThat(failure(new CommandOutcome.Failed(RUN, "exit 3: bad labels", 3, false)))
        .matches(f -> f.isNonRetryable() && f.getType().equals(FailureTypes.INVALID_DATA))
        .matches(f -> f.getOriginalMessage().equals("exit 3: bad labels"));
  }

  @Test
  void theModelIsModelOnnxOrTheOnlyOnnxFile() {
    assertThat(CommandOutcomes.modelFile(List.of("a.onnx", "model.onnx"))).isEqualTo("model.onnx");
    assertThat(CommandOutcomes.modelFile(List.of("churn.onnx", "notes.txt")))
        .isEqualTo("churn.onnx");
    assertThatThrownBy(() -> CommandOutcomes.modelFile(List.of("model.pkl")))
        .hasMessageContaining("no ONNX model")
        .hasMessageContaining("model.pkl");
    assertThatThrownBy(() -> CommandOutcomes.modelFile(List.of("a.onnx", "b.onnx")))
        .hasMessageContaining("2 ONNX files");
  }
}
