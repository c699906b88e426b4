package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.pipeline.SpecJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tracking}: every key, its default, and each bad value refused on its own key. */
class TrackingKeysTest {
  private static final String SPEC = MinimalSpec.YAML + "%s\n";

  private static PipelineSpec spec(String tracking) {
    return SpecParser.parse(SPEC.formatted(tracking), "e.yaml", Path.of("/specs"));
  }

  private static TrackingSpec.Mlflow parse(String mlflow) {
    String indented = "    " + mlflow.replace("\n", "\n    ");
    return spec("tracking:\n  mlflow:\n" + indented).tracking().mlflow();
  }

  @Test
  void readsEveryKey() {
    TrackingSpec.Mlflow m =
        parse(
            """
            uri: http://mlflow.internal:5000/
            experiment: energy-load
            registered_model: energy-load-prod
            beat_champion: {metrics: [rmse, r2], tolerance: 0.02}""");
    assertThat(m.uri()).isEqualTo("http://mlflow.internal:5000");
    assertThat(m.experiment()).isEqualTo("energy-load");
    assertThat(m.registeredModel()).isEqualTo("energy-load-prod");
    assertThat(m.champion().metrics()).containsExactly("rmse", "r2");
    assertThat(m.champion().tolerance()).isEqualTo(0.02);
  }

  @Test
  void fillsTheDefaults() {
    TrackingSpec.Mlflow m = parse("uri: https://mlflow.example.com\nexperiment: load");
    assertThat(m.registeredModel()).isEqualTo("energy-load");
    assertThat(m.champion()).isNull();
    assertThat(parse("uri: http://h:1\nexperiment: e\nbeat_champion: {metrics: [mae]}").champion())
        .isEqualTo(new TrackingSpec.Champion(List.of("mae"), 0.0));
  }

  @Test
  void aSpecWithoutTrackingKeepsItsJsonAndDigest() {
    PipelineSpec without = spec("");
    assertThat(without.tracking()).isNull();
    assertThat(SpecJson.json(without)).doesNotContain("tracking");
    PipelineSpec with = spec("tracking: {mlflow: {uri: 'http://h:5000', experiment: e}}");
    assertThat(SpecJson.read(SpecJson.json(with))).isEqualTo(with);
    assertThat(SpecJson.digest(with)).isNotEqualTo(SpecJson.digest(without));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "tracking: {wandb: {}}|tracking.wandb|unknown key; expected one of [mlflow]",
        "tracking: {}|tracking.mlflow|missing; expected a mapping",
        "tracking: {mlflow: 5}|tracking.mlflow|expected a mapping",
        "tracking: {mlflow: {experiment: e}}|tracking.mlflow.uri|missing; expected text",
        "tracking: {mlflow: {uri: 'ftp://h', experiment: e}}|tracking.mlflow.uri|expected the MLflow server's http:// or https:// address, got 'ftp://h'",
        "tracking: {mlflow: {uri: 'mlflow:5000', experiment: e}}|tracking.mlflow.uri|expected the MLflow server's http:// or https:// address",
        "tracking: {mlflow: {uri: 'http://', experiment: e}}|tracking.mlflow.uri|expected an address such as http://mlflow:5000, got 'http://'",
        "tracking: {mlflow: {uri: 'http://h'}}|tracking.mlflow.experiment|missing; expected text",
        "tracking: {mlflow: {uri: 'http://h', experiment: '  '}}|tracking.mlflow.experiment|expected non-empty text",
        "tracking: {mlflow: {uri: 'http://h', experiment: e, registered_model: ''}}|tracking.mlflow.registered_model|expected non-empty text",
        "tracking: {mlflow: {uri: 'http://h', experiment: e, run_name: x}}|tracking.mlflow.run_name|unknown key",
        "tracking: {mlflow: {uri: 'http://h', experiment: e, beat_champion: {}}}|tracking.mlflow.beat_champion.metrics|missing",
        "tracking: {mlflow: {uri: 'http://h', experiment: e, beat_champion: {metrics: []}}}|tracking.mlflow.beat_champion.metrics|expected at least one metric",
        "tracking: {mlflow: {uri: 'http://h', experiment: e, beat_champion: {metrics: [accuracy]}}}|tracking.mlflow.beat_champion.metrics[0]|unknown metric for task regression",
        "tracking: {mlflow: {uri: 'http://h', experiment: e, beat_champion: {metrics: [rmse, rmse]}}}|tracking.mlflow.beat_champion.metrics[1]|is listed twice",
        "tracking: {mlflow: {uri: 'http://h', experiment: e, beat_champion: {metrics: [rmse], tolerance: 2}}}|tracking.mlflow.beat_champion.tolerance|expected a share from 0 to 1",
      })
  void refusesBadValuesOnTheirKey(String tracking, String key, String expected) {
    assertThatThrownBy(() -> spec(tracking))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("e.yaml: " + key + ": ")
        .hasMessageContaining(expected);
  }
}
