package dev.tollgate.activities.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.CheckResult.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportedVsMeasuredCheckTest {
  private static final Map<String, Double> MEASURED =
      Map.of("accuracy", 0.88, "auc", 0.93, "rmse", 40.0);

  @Test
  void aClaimWithinTheTolerancePassesAndOneBeyondItFails() {
    List<CheckResult> checks =
        ReportedVsMeasuredCheck.run(0.02, Map.of("accuracy", 0.89, "auc", 0.99), MEASURED);
    assertThat(checks)
        .extracting(CheckResult::name, CheckResult::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("reported_vs_measured.accuracy", Status.PASS),
            org.assertj.core.groups.Tuple.tuple("reported_vs_measured.auc", Status.FAIL));
    assertThat(checks.get(1).message())
        .isEqualTo(
            "the training command reported auc 0.9900, Tollgate measured 0.9300 on the holdout"
                + " (off by more than 0.02)");
    assertThat(checks.get(1).value()).isCloseTo(0.06, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void largeMetricsAreComparedRelatively() {
    // 41 against 40 is 2.5 %: within 0.05, though an absolute difference of 1
    assertThat(ReportedVsMeasuredCheck.run(0.05, Map.of("rmse", 41.0), MEASURED))
        .extracting(CheckResult::status)
        .containsExactly(Status.PASS);
    assertThat(ReportedVsMeasuredCheck.run(0.02, Map.of("rmse", 41.0), MEASURED))
        .extracting(CheckResult::status)
        .containsExactly(Status.FAIL);
  }

  @Test
  void onlyMetricsBothNameAreCompared() {
    assertThat(ReportedVsMeasuredCheck.run(0.02, Map.of("val_loss", 0.1, "epochs", 20.0), MEASURED))
        .isEmpty();
    assertThat(ReportedVsMeasuredCheck.run(0.02, Map.of(), MEASURED)).isEmpty();
  }
}
