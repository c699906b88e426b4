package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hyperparameter values are numbers, texts or flags, read from the spec by the type the catalogue
 * gives each one, and refused with the file, the key and what was expected.
 */
class HyperparameterTypesTest {
  /** An entry with every type, as a user's training script will declare its arguments. */
  private static final Algorithm SCRIPT =
      new Algorithm(
          "script",
          Task.CLASSIFICATION,
          List.of(
              Hyperparameter.integer("max_depth", 1, 64, 6),
              Hyperparameter.real("shrinkage", 0, 1, 0.1),
              Hyperparameter.choice("loss", "log_loss", "log_loss", "exponential"),
              Hyperparameter.flag("warm_start", false)));

  private static YamlSection params(String yaml) {
    return new YamlSection(
        "s.yaml", "training.params", YamlFiles.mapping(yaml, "s.yaml", "hyperparameters"));
  }

  @Test
  void anyScalarOfASpecIsANumberATextOrAFlag() {
    YamlSection p = params("{max_depth: 6, loss: log_loss, class_weight: balanced, warm: true}");
    assertThat(ParamValue.of(p.raw("max_depth"))).isEqualTo(ParamValue.number(6));
    assertThat(ParamValue.of(p.raw("loss"))).isEqualTo(ParamValue.text("log_loss"));
    assertThat(ParamValue.of(p.raw("class_weight"))).isEqualTo(ParamValue.text("balanced"));
    assertThat(ParamValue.of(p.raw("warm"))).isEqualTo(ParamValue.flag(true));
    assertThat(ParamValue.of(params("{a: [1, 2]}").raw("a"))).isNull();
  }

  @Test
  void readsEachValueByItsDeclaredType() {
    Map<String, ParamValue> read =
        ParamKeys.read(params("{max_depth: 4, loss: exponential, warm_start: true}"), SCRIPT);
    assertThat(read)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "max_depth", ParamValue.number(4),
                "loss", ParamValue.text("exponential"),
                "warm_start", ParamValue.flag(true)));
  }

  @Test
  void refusesAValueOfTheWrongTypeNamingFileKeyAndExpectation() {
    assertThatThrownBy(() -> ParamKeys.read(params("{warm_start: 1}"), SCRIPT))
        .hasMessage("s.yaml: training.params.warm_start: expected true or false, got the number 1");
    assertThatThrownBy(() -> ParamKeys.read(params("{max_depth: deep}"), SCRIPT))
        .hasMessage("s.yaml: training.params.max_depth: expected a number, got 'deep'");
    assertThatThrownBy(() -> ParamKeys.read(params("{shrinkage: true}"), SCRIPT))
        .hasMessage("s.yaml: training.params.shrinkage: expected a number, got true");
    assertThatThrownBy(() -> ParamKeys.read(params("{loss: hinge}"), SCRIPT))
        .hasMessage(
            "s.yaml: training.params.loss: expected one of [log_loss, exponential], got 'hinge'");
    assertThatThrownBy(() -> ParamKeys.read(params("{class_weight: balanced}"), SCRIPT))
        .hasMessageStartingWith(
            "s.yaml: training.params.class_weight: unknown key; expected one of");
  }

  @Test
  void aTypeAcceptsOnlyItsOwnKindOfValue() {
    Hyperparameter depth = SCRIPT.hyperparameter("max_depth");
    assertThat(depth.accepts(ParamValue.number(6))).isTrue();
    assertThat(depth.accepts(ParamValue.number(6.5))).isFalse();
    assertThat(depth.accepts(ParamValue.number(65))).isFalse();
    assertThat(depth.accepts(ParamValue.text("6"))).isFalse();
    assertThat(SCRIPT.hyperparameter("loss").accepts(ParamValue.text("exponential"))).isTrue();
    assertThat(SCRIPT.hyperparameter("loss").accepts(ParamValue.number(1))).isFalse();
    assertThat(SCRIPT.hyperparameter("warm_start").accepts(ParamValue.flag(false))).isTrue();
    assertThat(SCRIPT.hyperparameter("warm_start").expected()).isEqualTo("true or false");
    assertThat(depth.expected()).isEqualTo("a whole number from 1 to 64");
  }

  @Test
  void everyCatalogueDefaultIsAValueItsOwnTypeAccepts() {
    assertThat(AlgorithmCatalogue.all()).isNotEmpty();
    for (Algorithm a : AlgorithmCatalogue.all()) {
      for (Hyperparameter h : a.hyperparameters()) {
        assertThat(h.accepts(h.defaultValue()))
            .as(a.task() + " " + a.name() + " " + h.name())
            .isTrue();
      }
    }
    assertThat(AlgorithmCatalogue.names(Task.ANOMALY)).containsExactly("isolation_forest");
    assertThat(AlgorithmCatalogue.find(Task.CLASSIFICATION, "lasso")).isNull();
  }
}
