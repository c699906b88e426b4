package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.report.ValidationTextTest;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.CheckResult.Status;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.ValidationVerdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The markdown a CI job shows for a finished run ({@code run --wait --summary-md}). */
class RunSummaryMarkdownTest {

  @Test
  void aRunRejectedByValidationShowsMetricsAgainstProductionAndTheFailedCheck() {
    String md =
        RunSummaryMarkdown.render(
            result(Outcome.REJECTED_BY_VALIDATION, ValidationTextTest.FAILED, null));

    assertThat(md)
        .isEqualTo(
            """
            ## ❌ energy-load v3: REJECTED_BY_VALIDATION

            Run `energy-load/r-1` · Production before it: v2

            | metric | candidate vs Production (same holdout) |
            |---|---|
            | r2 | 0.871 vs 0.862 (+1.0 %, better) |
            | rmse | 28.5 vs 27.1 (+5.2 %, worse) |

            Validation failed: 3 checks: 2 passed, 1 failed, 0 skipped

            | failed check | value | threshold | why |
            |---|---|---|---|
            | baseline.rmse | 0.0521 | ≤ 0.05 worse than energy-load v2 | rmse 28.51 vs 27.10 for energy-load v2 on the same holdout: 5.207% worse |

            Reports: HTML report `file:/a/reports/energy-load/v3/validation.html` · JSON report `file:/a/reports/energy-load/v3/validation.json`
            """);
  }

  @Test
  void aDeployedRunWithAWebReportLinksIt() {
    ValidationVerdict passed =
        new ValidationVerdict(
            true,
            List.of(new CheckResult("rmse", 25.9, "≤ 75", Status.PASS, "ok")),
            null,
            null,
            "https://reports.example/energy-load/v3.html",
            "h",
            null);

    String md = RunSummaryMarkdown.render(result(Outcome.DEPLOYED, passed, null));

    assertThat(md)
        .startsWith("## ✅ energy-load v3: DEPLOYED\n")
        .contains("| metric | value |\n|---|---|\n| r2 | 0.871 |\n| rmse | 28.5 |\n")
        .contains("Validation passed: 1 check: 1 passed")
        .doesNotContain("failed check")
        .endsWith("Reports: [HTML report](https://reports.example/energy-load/v3.html)\n");
  }

  @Test
  void textFromTheRunCannotAddMarkdown() {
    ValidationVerdict failed =
        new ValidationVerdict(
            false,
            List.of(
                new CheckResult(
                    "custom", 1.0, "≤ 0", Status.FAIL, "x | y\n| injected | row ![i](http://e/x)")),
            null,
            null);

    String md =
        RunSummaryMarkdown.render(
            result(Outcome.FAILED, failed, "<script>alert(1)</script> in `train`"));

    assertThat(md)
        .contains("| custom | 1 | ≤ 0 | x \\| y \\| injected \\| row \\!\\[i\\](http://e/x) |")
        .contains("Cause: &lt;script&gt;alert(1)&lt;/script&gt; in \\`train\\`")
        .doesNotContain("<script>");
  }

  private static PipelineResult result(Outcome outcome, ValidationVerdict verdict, String failure) {
    return new PipelineResult(
        outcome,
        "energy-load",
        "energy-load/r-1",
        3,
        Map.of("rmse", 28.51, "r2", 0.871),
        verdict,
        null,
        List.of(),
        2,
        failure,
        null,
        List.of(),
        null,
        null);
  }
}
