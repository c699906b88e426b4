package dev.tollgate.activities.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.TestData;
import dev.tollgate.spec.Algorithm;
import dev.tollgate.spec.AlgorithmCatalogue;
import dev.tollgate.spec.ParamValue;
import dev.tollgate.spec.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trainers and the resolved hyperparameters read the one catalogue the spec is checked by. */
class HyperParamsTest {

  @Test
  void everyCatalogueEntryHasItsTrainer() {
    assertThat(AlgorithmCatalogue.all()).isNotEmpty();
    for (Algorithm a : AlgorithmCatalogue.all()) {
      assertThat(Trainers.has(a)).as(a.task() + " " + a.name()).isTrue();
      assertThat(Trainers.forAlgorithm(a.task(), a.name())).isNotNull();
    }
  }

  @Test
  void completesTheSpecWithTheCatalogueDefaultsOfEachType() {
    HyperParams params =
        HyperParams.resolve(
            Task.REGRESSION, TestData.training("gradient_boosting", Map.of("trees", 40)));
    assertThat(params.integer("trees")).isEqualTo(40);
    assertThat(params.text("grow_policy")).isEqualTo("lossguide"); // regression's default
    assertThat(params.real("shrinkage")).isEqualTo(0.05);
    assertThat(params.values())
        .hasSameSizeAs(
            AlgorithmCatalogue.require(Task.REGRESSION, "gradient_boosting").hyperparameters());
    // The metadata shows every value as JSON does: numbers as numbers, a choice by its name.
    assertThat(params.described())
        .containsEntry("trees", 40.0)
        .containsEntry("grow_policy", "lossguide");
    assertThat(
            HyperParams.resolve(
                    Task.CLASSIFICATION,
                    TestData.training("gradient_boosting", Map.of("grow_policy", "lossguide")))
                .text("grow_policy"))
        .isEqualTo("lossguide");
  }

  @Test
  void refusesAValueOfTheWrongTypeThatDidNotComeThroughTheParser() {
    // A choice's index, as payloads carried it before values were typed: not a name.
    assertThatThrownBy(
            () ->
                HyperParams.resolve(
                    Task.REGRESSION,
                    TestData.training("gradient_boosting", Map.of("grow_policy", 1.0))))
        .hasMessageContaining(
            "gradient_boosting's hyperparameter 'grow_policy' expects one of [depthwise,"
                + " lossguide], got 1.0");
    assertThatThrownBy(
            () ->
                HyperParams.resolve(
                    Task.REGRESSION, TestData.training("ridge", Map.of("lambda", true))))
        .hasMessageContaining("ridge's hyperparameter 'lambda' expects a number from 0 to");
    assertThatThrownBy(
            () ->
                HyperParams.resolve(
                    Task.REGRESSION, TestData.training("ridge", Map.of("alpha", 1.0))))
        .hasMessageContaining("ridge has no hyperparameter 'alpha' (accepts: [lambda])");
  }

  @Test
  void aTypedAccessorRefusesAValueOfAnotherType() {
    HyperParams params =
        new HyperParams(
            Task.REGRESSION,
            "script",
            Map.of("loss", ParamValue.text("huber"), "warm_start", ParamValue.flag(true)));
    assertThat(params.flag("warm_start")).isTrue();
    assertThat(params.text("loss")).isEqualTo("huber");
    assertThatThrownBy(() -> params.real("loss"))
        .hasMessage("script's hyperparameter loss is huber, not a number");
  }
}
