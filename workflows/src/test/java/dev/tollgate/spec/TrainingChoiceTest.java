package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code training} chooses a catalogue algorithm or the team's command / an import; the split's
 * keys are read the same way for both, and the catalogue's own keys are refused with a command.
 */
class TrainingChoiceTest {
  private static final Path DIR = Path.of("/specs/churn");

  private static PipelineSpec parse(String training) {
    return parse(training, "");
  }

  /** {@code training} and the top-level sections in {@code rest}. */
  private static PipelineSpec parse(String training, String rest) {
    String yaml =
        """
        model: churn
        task: classification
        data:
          train: file:churn.csv
          target: churned
          features: [tenure, spend]
        training:
        %s
        approval:
          approvers: [alice]
        %s
        """
            .formatted(training.indent(2).stripTrailing(), rest);
    return SpecParser.parse(yaml, "churn.yaml", DIR);
  }

  @Test
  void aCommandCarriesTheSplitAndItsOwnKeys() {
    TrainingSpec t =
        parse(
                """
                command: [python, train.py]
                workdir: trainer
                params: {C: 0.5}
                seed: 7
                holdout: 0.3
                stratify: false
                task_queue: gpu""")
            .training();
    assertThat(t.byCommand()).isTrue();
    assertThat(t.algorithm()).isNull();
    assertThat(t.params()).isEmpty();
    assertThat(t.search()).isNull();
    assertThat(t.seed()).isEqualTo(7);
    assertThat(t.holdout()).isEqualTo(0.3);
    assertThat(t.stratified(true)).isFalse();
    assertThat(t.command().command()).containsExactly("python", "train.py");
    assertThat(t.command().workdir()).isEqualTo("/specs/churn/trainer");
    assertThat(t.command().params()).containsKey("C");
    assertThat(t.command().taskQueue()).isEqualTo("gpu");
    assertThat(t.command().specDir()).isEqualTo("/specs/churn");
  }

  @Test
  void aContainerRunnerIsACommandSpecWithItsImage() {
    TrainingSpec t = parse("runner: container\nimage: team/churn:1\nseed: 7").training();
    assertThat(t.algorithm()).isNull();
    assertThat(t.seed()).isEqualTo(7);
    assertThat(t.command().container().image()).isEqualTo("team/churn:1");
    assertThat(t.command().command()).isEmpty();
  }

  @Test
  void aCommandTakesTheSplitDefaults() {
    TrainingSpec t = parse("command: [python, train.py]").training();
    assertThat(t.seed()).isEqualTo(42);
    assertThat(t.holdout()).isEqualTo(0.2);
    assertThat(t.stratified(true)).isTrue();
  }

  @Test
  void anImportIsTrainingByCommandWithNothingToRun() {
    TrainingSpec t = parse("import: {uri: 'file:models/churn.onnx'}\nholdout: 0.25").training();
    assertThat(t.byCommand()).isTrue();
    assertThat(t.command().imported()).isTrue();
    assertThat(t.command().importUri()).isEqualTo("file:///specs/churn/models/churn.onnx");
    assertThat(t.holdout()).isEqualTo(0.25);
  }

  @Test
  void anAlgorithmHasNoCommand() {
    TrainingSpec t = parse("algorithm: logistic").training();
    assertThat(t.byCommand()).isFalse();
    assertThat(t.command()).isNull();
    assertThat(t.withParams(java.util.Map.of()).command()).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "algorithm: logistic|training.algorithm|only for a catalogue algorithm",
        "search: {trials: 3}|training.search|only for a catalogue algorithm",
        "holdout: 1.5|training.holdout|expected a share between 0 and 1",
        "seed: many|training.seed|expected",
        "stratify: maybe|training.stratify|expected",
      })
  void refusesWithACommand(String extra, String key, String problem) {
    assertThatThrownBy(() -> parse("command: [python, train.py]\n" + extra))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining(key)
        .hasMessageContaining(problem);
  }

  @Test
  void stratifyingARegressionHoldoutIsRefusedForACommandToo() {
    String yaml =
        MinimalSpec.YAML.replace(
            "algorithm: gradient_boosting", "command: [python, train.py]\n  stratify: true");
    assertThatThrownBy(() -> SpecParser.parse(yaml, "e.yaml", DIR))
        .hasMessageContaining("training.stratify")
        .hasMessageContaining("only a classification holdout");
  }

  @Test
  void reportedVsMeasuredDefaultsOnAndTakesATolerance() {
    assertThat(parse("command: [python, train.py]").validation().reportedToleranceOrDefault())
        .isEqualTo(ValidationSpec.DEFAULT_REPORTED_TOLERANCE);
    String withTolerance = "validation:\n  reported_vs_measured: {tolerance: 0.02}";
    assertThat(parse("command: [python, train.py]", withTolerance).validation().reportedTolerance())
        .isEqualTo(0.02);
  }

  @Test
  void reportedVsMeasuredIsRefusedWhereNothingReports() {
    String yaml = MinimalSpec.YAML + "validation:\n  reported_vs_measured: {tolerance: 0.02}\n";
    assertThatThrownBy(() -> SpecParser.parse(yaml, "e.yaml", DIR))
        .hasMessageContaining("validation.reported_vs_measured")
        .hasMessageContaining("applies to training.command only");
    assertThatThrownBy(
            () ->
                parse(
                    "command: [python, train.py]",
                    "validation:\n  reported_vs_measured: {tolerance: 2}"))
        .hasMessageContaining("validation.reported_vs_measured.tolerance");
  }

  @Test
  void theRecordWantsExactlyOneOfAlgorithmAndCommand() {
    assertThatThrownBy(() -> new TrainingSpec(null, java.util.Map.of(), 1, 0.2, null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
