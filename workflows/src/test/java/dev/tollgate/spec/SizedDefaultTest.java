package dev.tollgate.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Defaults chosen by the training set's size (docs/adr/0019-defaults-by-training-set-size.md). */
class SizedDefaultTest {
  private final Algorithm regression =
      AlgorithmCatalogue.require(Task.REGRESSION, "gradient_boosting");
  private final Hyperparameter shrinkage = regression.hyperparameter("shrinkage");

  @Test
  void regressionBoostingTakesBiggerStepsFromFiftyThousandTrainingRows() {
    assertThat(AlgorithmCatalogue.LARGE_TRAINING_SET).isEqualTo(50_000);
    assertThat(shrinkage.defaultValue()).isEqualTo(ParamValue.number(0.05));
    assertThat(AlgorithmCatalogue.defaultFor(regression, shrinkage, 0))
        .isEqualTo(ParamValue.number(0.05));
    assertThat(AlgorithmCatalogue.defaultFor(regression, shrinkage, 49_999))
        .isEqualTo(ParamValue.number(0.05));
    assertThat(AlgorithmCatalogue.defaultFor(regression, shrinkage, 50_000))
        .isEqualTo(ParamValue.number(0.1));
    assertThat(AlgorithmCatalogue.defaultFor(regression, shrinkage, 5_000_000_000L))
        .isEqualTo(ParamValue.number(0.1));
  }

  @Test
  void regressionBoostingUsesFewerBinsFromFiftyThousandTrainingRows() {
    Hyperparameter bins = regression.hyperparameter("max_bin");
    assertThat(AlgorithmCatalogue.defaultFor(regression, bins, 49_999))
        .isEqualTo(ParamValue.number(256));
    assertThat(AlgorithmCatalogue.defaultFor(regression, bins, 50_000))
        .isEqualTo(ParamValue.number(128));
  }

  @Test
  void onlyShrinkageAndBinsOfRegressionBoostingDependOnSize() {
    for (Algorithm a : AlgorithmCatalogue.all()) {
      for (Hyperparameter h : a.hyperparameters()) {
        boolean sized =
            a == regression && (h.name().equals("shrinkage") || h.name().equals("max_bin"));
        assertThat(AlgorithmCatalogue.defaultFor(a, h, 10_000_000).equals(h.defaultValue()))
            .as(a.task() + " " + a.name() + " " + h.name())
            .isEqualTo(!sized);
      }
    }
    // Classification keeps XGBoost's own defaults: no benchmark has measured another.
    assertThat(
            AlgorithmCatalogue.sizedDefaults(
                AlgorithmCatalogue.require(Task.CLASSIFICATION, "gradient_boosting")))
        .isEmpty();
  }

  @Test
  void everySizedDefaultIsAValueItsHyperparameterAccepts() {
    for (Algorithm a : AlgorithmCatalogue.all()) {
      for (SizedDefault sized : AlgorithmCatalogue.sizedDefaults(a)) {
        assertThat(a.hyperparameter(sized.hyperparameter()).accepts(sized.value()))
            .as(sized.toString())
            .isTrue();
      }
    }
  }

  @Test
  void aRuleFromNoRowsIsRefused() {
    assertThatThrownBy(() -> SizedDefault.number("shrinkage", 0, 0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fromRows must be at least 1");
  }
}
