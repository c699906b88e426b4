package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Specs that passed the parser and failed (or wrongly passed) only after training: impossible
 * metric bounds, YAML's special floats, names listed twice, a key written twice, durations past any
 * timer. Each is refused naming the file and the exact key.
 */
class SpecBadInputTest {
  private static final String SPEC =
      """
      model: insurance
      task: regression
      data:
        train: file:insurance.csv
        target: charges
        features: [age, bmi, children]
        min_rows: 100
      training:
        algorithm: gradient_boosting
      validation:
        thresholds:
          rmse: { max: 6000 }
          r2: { min: 0.7 }
      approval:
        approvers: [alice, bob]
        min_approvals: 2
        timeout: 72h
        reminders: [4h, 24h]
      """;

  private static final String CLASSIFIER =
      """
      model: churn
      task: classification
      data:
        train: file:churn.csv
        target: left
        features: [tenure, spend]
      training:
        algorithm: logistic
      validation:
        thresholds:
          auc: { min: 0.8 }
          log_loss: { max: 0.5 }
      approval:
        approvers: [alice]
      """;

  private static PipelineSpec parse(String yaml) {
    return SpecParser.parse(yaml, "insurance.yaml", Path.of("/specs"));
  }

  @ParameterizedTest(name = "{2}: {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        // An error metric below 0, r2 above 1: no model can ever pass (issue 8, item 3).
        "rmse: { max: 6000 }|rmse: { max: -1 }|validation.thresholds.rmse.max|expected 0 or more (rmse is never negative), got -1",
        "rmse: { max: 6000 }|mae: { min: -0.5 }|validation.thresholds.mae.min|expected 0 or more (mae is never negative), got -0.5",
        "rmse: { max: 6000 }|mape: { max: -0.1 }|validation.thresholds.mape.max|expected 0 or more",
        "r2: { min: 0.7 }|r2: { min: 1.5 }|validation.thresholds.r2.min|expected at most 1 (r2 is never above 1), got 1.5",
        // YAML's special floats (item 4) and a number past a double.
        "r2: { min: 0.7 }|r2: { min: .nan }|validation.thresholds.r2.min|expected a number, got .nan",
        "r2: { min: 0.7 }|r2: { min: .NaN }|validation.thresholds.r2.min|expected a number, got .NaN",
        "rmse: { max: 6000 }|rmse: { max: .inf }|validation.thresholds.rmse.max|expected a finite number, got .inf",
        "min_rows: 100|min_rows: -.inf|data.min_rows|expected a finite number, got -.inf",
        "rmse: { max: 6000 }|rmse: { max: 1e999 }|validation.thresholds.rmse.max|expected a finite number",
        "r2: { min: 0.7 }|r2: { min: NaN }|validation.thresholds.r2.min|expected a number, got 'NaN'",
        // Names listed twice and a feature that is the target (the class of item 1).
        "features: [age, bmi, children]|features: [age, bmi, bmi]|data.features[2]|'bmi' is listed twice (also at [1])",
        "features: [age, bmi, children]|features: [age, charges]|data.features[1]|'charges' is the target (data.target); a column cannot be both",
        "approvers: [alice, bob]|approvers: [alice, alice]|approval.approvers[1]|'alice' is listed twice (also at [0])",
        "reminders: [4h, 24h]|reminders: [4h, 240m]|approval.reminders[1]|'4h' is listed twice (also at [0])",
        // A key written twice in one mapping: Jackson would silently keep the last.
        "  target: charges\\n|  target: charges\\n  target: age\\n|data.target|written twice (lines 5 and 6); keep one of them",
        // Durations a timer cannot hold.
        "timeout: 72h|timeout: 99999999999999999999d|approval.timeout|expected a positive duration",
        "timeout: 72h|timeout: 4000d|approval.timeout|expected at most 3650d, got '4000d'",
        "timeout: 72h|timeout: 72h\\n  require_identity: yes please|approval.require_identity|expected true or false",
        // deploy.target ecs needs its service, and the section belongs to it.
        "reminders: [4h, 24h]|reminders: [4h, 24h]\\ndeploy: {target: ecs}|deploy.ecs|missing; target ecs needs {cluster, service, url}",
        "reminders: [4h, 24h]|reminders: [4h, 24h]\\ndeploy: {target: ecs, ecs: {cluster: c, service: s}}|deploy.ecs.url|missing",
        "reminders: [4h, 24h]|reminders: [4h, 24h]\\ndeploy: {target: ecs, ecs: {cluster: c, service: s, url: energy:8080}}|deploy.ecs.url|expected the service's http:// or https:// address",
        "reminders: [4h, 24h]|reminders: [4h, 24h]\\ndeploy: {target: ecs, ecs: {cluster: c, service: s, url: 'http://energy internal:8080'}}|deploy.ecs.url|expected the service's http:// or https:// address with a host name",
        "reminders: [4h, 24h]|reminders: [4h, 24h]\\ndeploy: {ecs: {cluster: c, service: s, url: http://x}}|deploy.ecs|applies to target: ecs only",
        // canary and degradation watch
        "reminders: [4h, 24h]|reminders: [4h, 24h]\\ndeploy: {canary: {percent: 0, bake: 30m}}|deploy.canary.percent|expected a whole number from 1 to 99, got 0",
        "reminders: [4h, 24h]|reminders: [4h, 24h]\\ndeploy: {canary: {percent: 10}}|deploy.canary.bake|missing",
        "reminders: [4h, 24h]|reminders: [4h, 24h]\\ndeploy: {rollback: {watch: 1h}}|deploy.rollback.watch|set rollback.on_degradation too",
        "reminders: [4h, 24h]|reminders: [4h, 24h]\\ndeploy: {rollback: {on_degradation: 0.2, watch: 1h, check_every: 2h}}|deploy.rollback.check_every|expected 1m up to the watch (1h), got 2h",
        "reminders: [4h, 24h]|reminders: [4h, 24h]\\ndeploy: {rollback: {check_every: 5m}}|deploy.rollback.check_every|applies with rollback.watch",
        // environments
        "reminders: [4h, 24h]|reminders: [4h, 24h]\\ndeploy: {environments: [{name: staging, approval: required}, {name: production}]}|deploy.environments[0].approval|only the last environment waits for approval; those before it are none",
        "reminders: [4h, 24h]|reminders: [4h, 24h]\\ndeploy: {environments: [{name: staging, approval: none}]}|deploy.environments[0].approval|the last environment is production",
        "reminders: [4h, 24h]|reminders: [4h, 24h]\\ndeploy: {environments: [{name: qa, approval: none}, {name: qa}]}|deploy.environments[1].name|'qa' is listed twice",
        "reminders: [4h, 24h]|reminders: [4h, 24h]\\ndeploy: {environments: [{name: Staging, approval: none}, {name: production}]}|deploy.environments[0].name|expected lower-case letters",
        "reminders: [4h, 24h]|reminders: [4h, 24h]\\ndeploy: {environments: []}|deploy.environments|expected a list such as",
        // data.max_classes belongs to classification.
        "min_rows: 100|max_classes: 10|data.max_classes|applies to task classification only",
      })
  void refusesTheSpecNamingFileAndKey(String from, String to, String key, String expected) {
    assertRefused(SPEC, "insurance.yaml", from, to, key, expected);
  }

  @ParameterizedTest(name = "{2}: {3}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "auc: { min: 0.8 }|auc: { min: 1.2 }|validation.thresholds.auc.min|expected a value from 0 to 1 (auc is a share), got 1.2",
        "auc: { min: 0.8 }|accuracy: { max: -0.1 }|validation.thresholds.accuracy.max|expected a value from 0 to 1",
        "log_loss: { max: 0.5 }|log_loss: { max: -2 }|validation.thresholds.log_loss.max|expected 0 or more (log_loss is never negative)",
        "features: [tenure, spend]|features: [tenure, spend]\\n  max_classes: 1|data.max_classes|expected a whole number from 2 to 100000, got 1",
        "features: [tenure, spend]|features: [tenure, spend]\\n  max_classes: 2.5|data.max_classes|expected a whole number",
      })
  void refusesAClassifierSpecNamingTheKey(String from, String to, String key, String expected) {
    assertRefused(CLASSIFIER, "churn.yaml", from, to, key, expected);
  }

  /** {@code base} with {@code from} replaced by {@code to} is refused on {@code key}. */
  private static void assertRefused(
      String base, String file, String from, String to, String key, String expected) {
    String yaml = base.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    assertThat(yaml).isNotEqualTo(base);
    assertThatThrownBy(() -> SpecParser.parse(yaml, file, Path.of("/specs")))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith(file + ": " + key + ": ")
        .hasMessageContaining(expected);
  }

  @Test
  void canaryAndWatchAreRead() {
    PipelineSpec spec =
        parse(
            SPEC
                + "deploy:\n  canary: { percent: 10, bake: 30m }\n"
                + "  rollback: { on_degradation: 0.2, watch: 1h, labelled_data: file:new.csv }\n");
    assertThat(spec.deploy().canary().percent()).isEqualTo(10);
    assertThat(spec.deploy().watch().every()).isEqualTo(java.time.Duration.ofMinutes(10));
    assertThat(spec.deploy().watch().data()).isEqualTo("file:///specs/new.csv");
  }

  @Test
  void boundsAtTheEdgeOfTheirRangeAreAccepted() {
    String yaml =
        SPEC.replace("rmse: { max: 6000 }", "rmse: { min: 0, max: 6000 }")
            .replace("r2: { min: 0.7 }", "r2: { min: -3, max: 1 }");
    assertThat(parse(yaml).validation().thresholds().get("r2").accepts(1.0)).isTrue();
  }

  @Test
  void maxClassesIsReadForClassificationAndDefaultsOtherwise() {
    String raised =
        CLASSIFIER.replace(
            "features: [tenure, spend]", "features: [tenure, spend]\n  max_classes: 500");
    assertThat(SpecParser.parse(raised, "churn.yaml", null).data().classLimit()).isEqualTo(500);
    assertThat(SpecParser.parse(CLASSIFIER, "churn.yaml", null).data().classLimit())
        .isEqualTo(DataSpec.DEFAULT_MAX_CLASSES);
  }
}
