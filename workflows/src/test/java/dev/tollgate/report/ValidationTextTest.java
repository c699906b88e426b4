package dev.tollgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.CheckResult.Status;
import dev.tollgate.stages.IdenticalModel;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.ValidationVerdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The boxed summary, character for character: what the approver reads in status and Slack. */
public class ValidationTextTest {

  static final ValidationVerdict PASSED =
      new ValidationVerdict(
          true,
          List.of(
              new CheckResult("rmse", 25.93, "≤ 75", Status.PASS, "rmse 25.93 ≤ 75"),
              new CheckResult("r2", 0.8712, "≥ 0.7", Status.PASS, "r2 0.8712 ≥ 0.7"),
              new CheckResult(
                  "baseline",
                  null,
                  "≤ 0.05 worse than Production",
                  Status.SKIPPED,
                  "no Production model to compare with")),
          "file:/a/reports/energy-load/v1/validation.json",
          "j1");

  public static final ValidationVerdict FAILED =
      new ValidationVerdict(
          false,
          List.of(
              new CheckResult("rmse", 28.51, "≤ 75", Status.PASS, "rmse 28.51 ≤ 75"),
              new CheckResult(
                  "baseline.rmse",
                  0.0521,
                  "≤ 0.05 worse than energy-load v2",
                  Status.FAIL,
                  "rmse 28.51 vs 27.10 for energy-load v2 on the same holdout: 5.207% worse"),
              new CheckResult(
                  "baseline.r2",
                  -0.0104,
                  "≤ 0.05 worse than energy-load v2",
                  Status.PASS,
                  "r2 0.871 vs 0.862 for energy-load v2 on the same holdout: not worse")),
          "file:/a/reports/energy-load/v3/validation.json",
          "j3",
          "file:/a/reports/energy-load/v3/validation.html",
          "h3",
          Map.of("rmse", 27.1, "r2", 0.862));

  @Test
  void aPassWithoutBaselineListsChecksSkippedReasonsAndMetrics() {
    String text =
        ValidationText.render(
            "energy-load v1", PASSED, Map.of("rmse", 25.93, "r2", 0.8712, "mae", 19.4));
    assertThat(text)
        .isEqualTo(
            """
            ╭─ Validation of energy-load v1 ───────────────────────────────────────────────╮
            │ ✓ PASSED   3 checks: 2 passed, 0 failed, 1 skipped                           │
            ├──────────────────────────────────────────────────────────────────────────────┤
            │   check                 value      threshold                                 │
            │ ✓ rmse                  25.9       ≤ 75                                      │
            │ ✓ r2                    0.871      ≥ 0.7                                     │
            │ – baseline              –          ≤ 0.05 worse than Production              │
            │     no Production model to compare with                                      │
            ├──────────────────────────────────────────────────────────────────────────────┤
            │ metrics                                                                      │
            │   mae        19.4                                                            │
            │   r2         0.871                                                           │
            │   rmse       25.9                                                            │
            ╰──────────────────────────────────────────────────────────────────────────────╯
            """
                + "  JSON report  file:/a/reports/energy-load/v1/validation.json\n");
  }

  @Test
  void aFailureWithBaselineShowsTheReasonAndTheDeltas() {
    String text =
        ValidationText.render("energy-load v3", FAILED, Map.of("rmse", 28.51, "r2", 0.871));
    assertThat(text)
        .isEqualTo(
            """
            ╭─ Validation of energy-load v3 ───────────────────────────────────────────────╮
            │ ✗ FAILED   3 checks: 2 passed, 1 failed, 0 skipped                           │
            ├──────────────────────────────────────────────────────────────────────────────┤
            │   check                 value      threshold                                 │
            │ ✓ rmse                  28.5       ≤ 75                                      │
            │ ✗ baseline.rmse         0.0521     ≤ 0.05 worse than energy-load v2          │
            │     rmse 28.51 vs 27.10 for energy-load v2 on the same holdout: 5.207% worse │
            │ ✓ baseline.r2           -0.0104    ≤ 0.05 worse than energy-load v2          │
            ├──────────────────────────────────────────────────────────────────────────────┤
            │ metrics   candidate vs Production, same holdout                              │
            │   r2         0.871 vs 0.862 (+1.0 %, better)                                 │
            │   rmse       28.5 vs 27.1 (+5.2 %, worse)                                    │
            ╰──────────────────────────────────────────────────────────────────────────────╯
            """
                + "  JSON report  file:/a/reports/energy-load/v3/validation.json\n"
                + "  HTML report  file:/a/reports/energy-load/v3/validation.html\n");
  }

  @Test
  void aCandidateIdenticalToProductionIsSaidUnderTheVerdict() {
    ModelVersion v1 =
        new ModelVersion("energy-load", 1, "r1", "file:/a/1/", "9f2c41d0aa17e3", Map.of());
    ModelVersion v2 =
        new ModelVersion("energy-load", 2, "r2", "file:/a/2/", "9f2c41d0aa17e3", Map.of());
    ModelVersion v3 = new ModelVersion("energy-load", 3, "r3", "file:/a/3/", "0b77", Map.of());
    assertThat(IdenticalModel.check(v3, v1)).as("another model").isNull();
    assertThat(IdenticalModel.check(v2, null)).as("no Production model").isNull();
    CheckResult identical = IdenticalModel.check(v2, v1);
    ValidationVerdict verdict =
        new ValidationVerdict(
            true,
            List.of(PASSED.checks().getFirst(), identical),
            PASSED.reportUri(),
            PASSED.reportDigest());

    String text = ValidationText.render("energy-load v2", verdict, null);

    assertThat(identical.status()).isEqualTo(Status.PASS);
    assertThat(identical.message())
        .isEqualTo(
            "the candidate's model is byte-identical to Production energy-load v1 (SHA-256"
                + " 9f2c41d0aa17…): deploying it changes nothing");
    assertThat(IdenticalModel.production(verdict)).contains("v1");
    assertThat(text.lines().toList().get(2))
        .isEqualTo(
            "│ ≡ identical to v1 in Production (same bytes): deploying changes nothing      │");
    assertThat(text).contains("✓ model.identical", "identical to v1");
    text.lines()
        .filter(l -> !l.startsWith("  "))
        .forEach(l -> assertThat(l.codePointCount(0, l.length())).as(l).isEqualTo(80));
  }

  @Test
  void everyLineOfTheBoxHasTheSameWidth() {
    String text =
        ValidationText.render("a-model-with-a-rather-long-name v12", FAILED, Map.of("rmse", 1e9));
    text.lines()
        .filter(l -> !l.startsWith("  "))
        .forEach(l -> assertThat(l.codePointCount(0, l.length())).as(l).isEqualTo(80));
  }

  @Test
  void deltasAreSignedWithATrueMinusAndJudgedByTheMetricsDirection() {
    assertThat(ValidationText.versus("rmse", 25.9, 27.1))
        .isEqualTo("25.9 vs 27.1 (−4.4 %, better)");
    assertThat(ValidationText.versus("r2", 0.80, 0.85)).isEqualTo("0.8 vs 0.85 (−5.9 %, worse)");
    assertThat(ValidationText.versus("rmse", 25.9, null)).isEqualTo("25.9");
    assertThat(ValidationText.versus("rmse", 1, 0.0)).isEqualTo("1 vs 0");
  }

  @Test
  void longMessagesWrapAndAreCutAfterThreeLines() {
    List<String> lines = ValidationText.wrap("word ".repeat(100), 20, 3);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).endsWith("…");
    assertThat(lines).allMatch(l -> l.length() <= 20);
  }
}
