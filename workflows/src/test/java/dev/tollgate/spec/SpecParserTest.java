package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecParserTest {
  private static final String VALID =
      """
      model: energy-load
      task: regression
      data:
        train: file:data/load.csv
        target: load
        features: [temperature, humidity]
        min_rows: 1000
        max_age: 48h
      training:
        algorithm: gradient_boosting
        params: { trees: 200, max_depth: 6, shrinkage: 0.05 }
        seed: 42
        holdout: 0.2
      validation:
        thresholds: { rmse: { max: 75 }, r2: { min: 0.7 } }
        baseline: { tolerance: 0.05 }
        drift: { method: psi, threshold: 0.1, max_drift_share: 0.5 }
        stability: { max_cv: 0.5 }
        range: { sigma: 3, max_outlier_share: 0.05 }
      approval:
        approvers: [alice, bob]
        min_approvals: 1
        timeout: 72h
        reminders: [24h, 4h]
        on_timeout: reject
      deploy:
        target: local
        rollback: { on_smoke_failure: true, on_degradation: 0.2 }
      notify:
        slack: { channel: "#ml-deploys" }
      schedule:
        cron: "0 2 * * *"
        drift_check_every: 6h
        cooldown: 24h
      """;

  private static PipelineSpec parse(String yaml) {
    return SpecParser.parse(yaml, "energy.yaml", Path.of("/specs"));
  }

  @Test
  void readsEverySectionOfTheDesignExample() {
    PipelineSpec spec = parse(VALID);
    assertThat(spec.model()).isEqualTo("energy-load");
    assertThat(spec.data().train()).isEqualTo("file:///specs/data/load.csv");
    assertThat(spec.data().maxAge()).isEqualTo(Duration.ofHours(48));
    assertThat(spec.training().param("trees")).isEqualTo(ParamValue.number(200));
    assertThat(spec.validation().thresholds().get("rmse").accepts(74.9)).isTrue();
    assertThat(spec.validation().thresholds().get("r2").accepts(0.69)).isFalse();
    assertThat(spec.approval().reminders())
        .containsExactly(Duration.ofHours(4), Duration.ofHours(24));
    assertThat(spec.deploy().rollbackOnDegradation()).isEqualTo(0.2);
    assertThat(spec.notifications().slackChannel()).isEqualTo("#ml-deploys");
    assertThat(spec.schedule().cooldown()).isEqualTo(Duration.ofHours(24));
  }

  @Test
  void requireIdentityIsOffUnlessSetAndLeavesTheSpecJsonOfOlderSpecsAlone() {
    PipelineSpec plain = parse(VALID);
    PipelineSpec strict =
        parse(VALID.replace("approval:\n", "approval:\n  require_identity: true\n"));
    assertThat(plain.approval().requireIdentity()).isFalse();
    assertThat(strict.approval().requireIdentity()).isTrue();
    // The spec JSON (and digest) of a spec without the key is what it was before the key existed.
    assertThat(dev.tollgate.pipeline.SpecJson.json(plain)).doesNotContain("requireIdentity");
    assertThat(dev.tollgate.pipeline.SpecJson.json(strict)).contains("\"requireIdentity\":true");
  }

  @Test
  void readsAChoiceHyperparameterByNameAndCarriesTheName() {
    PipelineSpec spec =
        parse(
            VALID.replace(
                "max_depth: 6,", "max_depth: 6, grow_policy: lossguide, max_leaves: 31,"));
    assertThat(spec.training().params())
        .containsEntry("grow_policy", ParamValue.text("lossguide"))
        .containsEntry("max_leaves", ParamValue.number(31));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "trees: 200|trees: -5|training.params.trees|expected a value from 1 to 10000, got -5",
        "trees: 200|trees: 2.5|training.params.trees|expected a whole number",
        "trees: 200|trees: true|training.params.trees|expected a number, got true",
        "max_depth: 6|max_depth: deep|training.params.max_depth|expected a number, got 'deep'",
        "trees: 200|tress: 200|training.params.tress|unknown key",
        "target: load|target: [load]|data.target|expected non-empty text",
        "min_rows: 1000|min_rows: lots|data.min_rows|expected a number, got 'lots'",
        "holdout: 0.2|holdout: 1.5|training.holdout|expected a share between 0 and 1",
        "timeout: 72h|timeout: soon|approval.timeout|expected a positive duration",
        "min_approvals: 1|min_approvals: 3|approval.min_approvals|expected 1 to the number of approvers (2), got 3",
        "reminders: [24h, 4h]|reminders: [4h, 80h]|approval.reminders[1]|expected a reminder sooner than the timeout (3d), got 80h",
        "task: regression|task: classification|validation.thresholds.rmse|unknown metric for task classification; expected one of [accuracy, auc, f1, log_loss, precision, recall]",
        "algorithm: gradient_boosting|algorithm: deep_magic|training.algorithm|expected one of [gradient_boosting, lasso, linear, random_forest, ridge, smile_gradient_boosting] for task regression, got 'deep_magic'",
        "shrinkage: 0.05|shrinkage: 2|training.params.shrinkage|expected a value from 1.0E-6 to 1, got 2",
        "max_depth: 6|max_depth: 6.5|training.params.max_depth|expected a whole number",
        "max_depth: 6|max_nodes: 64|training.params.max_nodes|unknown key",
        "max_depth: 6|grow_policy: leafwise|training.params.grow_policy|expected one of [depthwise, lossguide], got 'leafwise'",
        "max_depth: 6|grow_policy: 1|training.params.grow_policy|expected one of [depthwise, lossguide], got '1'",
        "trees: 200|lambda: -1|training.params.lambda|expected a value from 0 to 1000000000, got -1",
        "algorithm: gradient_boosting|algorithm: isolation_forest|training.algorithm|expected one of [gradient_boosting, lasso, linear, random_forest, ridge, smile_gradient_boosting]",
        "r2: { min: 0.7 }|r2: { min: 0.7 }, accuracy: { min: 0.9 }|validation.thresholds.accuracy|unknown metric",
        "target: local|target: moon|deploy.target|expected one of [local, ecs], got 'moon'",
        "train: file:data/load.csv|train: http://x/y.csv|data.train|expected a file: or s3:// URI",
        "cron: \"0 2 * * *\"|cron: \"every night\"|schedule.cron|expected five fields",
        "algorithm: gradient_boosting|# algorithm left out|training.algorithm|missing; expected one of [gradient_boosting, lasso, linear, random_forest, ridge, smile_gradient_boosting] for task regression",
      })
  void refusesBadValuesNamingFileKeyAndExpectation(
      String from, String to, String key, String expected) {
    String yaml = VALID.replace(from, to);
    assertThat(yaml).isNotEqualTo(VALID);
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("energy.yaml: " + key + ": ")
        .hasMessageContaining(expected);
  }

  private static final String CLASSIFICATION =
      VALID
          .replace("task: regression", "task: classification")
          .replace("algorithm: gradient_boosting", "algorithm: logistic")
          .replace("{ trees: 200, max_depth: 6, shrinkage: 0.05 }", "{ lambda: 0.5 }")
          .replace(
              "{ rmse: { max: 75 }, r2: { min: 0.7 } }",
              "{ f1: { min: 0.8 }, log_loss: { max: 0.4 } }")
          .replace("  stability: { max_cv: 0.5 }\n", "")
          .replace("  range: { sigma: 3, max_outlier_share: 0.05 }\n", "");

  @Test
  void maxBytesTakesASizeWithADecimalUnitOrBytes() {
    assertThat(parse(VALID).data().byteLimit()).isEqualTo(DataSpec.DEFAULT_MAX_BYTES);
    assertThat(
            parse(VALID.replace("min_rows: 1000", "min_rows: 1000\n  max_bytes: 2GB"))
                .data()
                .maxBytes())
        .isEqualTo(2_000_000_000L);
    assertThat(
            parse(VALID.replace("min_rows: 1000", "min_rows: 1000\n  max_bytes: 5000"))
                .data()
                .maxBytes())
        .isEqualTo(5000L);
    assertThatThrownBy(
            () -> parse(VALID.replace("min_rows: 1000", "min_rows: 1000\n  max_bytes: lots")))
        .hasMessageStartingWith("energy.yaml: data.max_bytes: ")
        .hasMessageContaining("expected a size such as 500MB");
    assertThatThrownBy(
            () -> parse(VALID.replace("min_rows: 1000", "min_rows: 1000\n  max_bytes: 0")))
        .hasMessageStartingWith("energy.yaml: data.max_bytes: ")
        .hasMessageContaining("positive");
  }

  @Test
  void stratifyIsForClassificationAndABoolean() {
    assertThatThrownBy(() -> parse(VALID.replace("holdout: 0.2", "holdout: 0.2\n  stratify: true")))
        .hasMessageStartingWith("energy.yaml: training.stratify: ")
        .hasMessageContaining("only a classification holdout can be stratified");
    assertThatThrownBy(
            () -> parse(CLASSIFICATION.replace("holdout: 0.2", "holdout: 0.2\n  stratify: maybe")))
        .hasMessageStartingWith("energy.yaml: training.stratify: ")
        .hasMessageContaining("expected true or false");
  }

  @Test
  void aClassificationHoldoutIsStratifiedUnlessTheSpecSaysNot() {
    assertThat(parse(CLASSIFICATION).training().stratified(true)).isTrue();
    PipelineSpec off =
        parse(CLASSIFICATION.replace("holdout: 0.2", "holdout: 0.2\n  stratify: false"));
    assertThat(off.training().stratify()).isFalse();
    assertThat(off.training().stratified(true)).isFalse();
    assertThat(parse(VALID).training().stratified(false)).isFalse();
  }

  @Test
  void readsClassificationAndAnomalySpecsWithTheirOwnMetrics() {
    PipelineSpec spec = parse(CLASSIFICATION);
    assertThat(spec.task()).isEqualTo(Task.CLASSIFICATION);
    assertThat(spec.training().param("lambda")).isEqualTo(ParamValue.number(0.5));
    assertThat(spec.validation().thresholds()).containsOnlyKeys("f1", "log_loss");

    PipelineSpec anomaly =
        parse(
            CLASSIFICATION
                .replace("task: classification", "task: anomaly")
                .replace("algorithm: logistic", "algorithm: isolation_forest")
                .replace("{ lambda: 0.5 }", "{ trees: 50, contamination: 0.02 }")
                .replace(
                    "f1: { min: 0.8 }, log_loss: { max: 0.4 }", "anomaly_share: { max: 0.1 }"));
    assertThat(anomaly.task()).isEqualTo(Task.ANOMALY);
    assertThat(anomaly.training().param("contamination")).isEqualTo(ParamValue.number(0.02));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "algorithm: logistic|algorithm: linear|training.algorithm|expected one of [gradient_boosting, logistic, random_forest] for task classification, got 'linear'",
        "{ lambda: 0.5 }|{ trees: 10 }|training.params.trees|unknown key",
        "{ lambda: 0.5 }|{ max_iterations: 0 }|training.params.max_iterations|expected a value from 1 to 1000000, got 0",
        "f1: { min: 0.8 }|rmse: { max: 3 }|validation.thresholds.rmse|unknown metric for task classification",
        "baseline: { tolerance: 0.05 }|range: { sigma: 3 }|validation.range|applies to task regression only",
      })
  void refusesClassificationSettingsThatDoNotFit(
      String from, String to, String key, String expected) {
    String yaml = CLASSIFICATION.replace(from, to);
    assertThat(yaml).isNotEqualTo(CLASSIFICATION);
    assertThatThrownBy(() -> parse(yaml))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("energy.yaml: " + key + ": ")
        .hasMessageContaining(expected);
  }

  @Test
  void refusesMissingTargetAndBrokenYaml() {
    assertThatThrownBy(() -> parse(VALID.replace("  target: load\n", "")))
        .hasMessage("energy.yaml: data.target: missing; expected text");
    assertThatThrownBy(() -> parse("model: [unclosed"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("energy.yaml: (yaml): not valid YAML at line");
  }

  @Test
  void refusesADirectoryAsTheSpecFile(@org.junit.jupiter.api.io.TempDir Path dir) {
    assertThatThrownBy(() -> SpecParser.parse(dir))
        .hasMessage(dir + ": (file): is a directory; expected a YAML file");
  }

  @Test
  void refusesAMissingFileByName() {
    assertThatThrownBy(() -> SpecParser.parse(Path.of("/nope/spec.yaml")))
        .hasMessage("/nope/spec.yaml: (file): no such file");
  }

  @Test
  void formatsDurationsShort() {
    assertThat(Durations.format(Duration.ofHours(72))).isEqualTo("3d");
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("90m");
    assertThat(Durations.parse("PT2H")).isEqualTo(Duration.ofHours(2));
    assertThat(Durations.parse("two hours")).isNull();
  }

  @Test
  void aReminderPastTheTimeoutIsSaidInTheSpecsUnitsNotIso() {
    assertThatThrownBy(
            () ->
                new ApprovalSpec(
                    java.util.List.of("alice"),
                    1,
                    Duration.ofHours(1),
                    java.util.List.of(Duration.ofMinutes(90)),
                    ApprovalSpec.TimeoutAction.REJECT))
        .hasMessageEndingWith("shorter than the timeout, got 90m");
  }
}
