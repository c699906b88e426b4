package dev.tollgate.cli;

import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.StageRecord;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.ValidationVerdict;
import java.io.PrintWriter;

/**
 * What a reviewer sees at the approval gate: the verdict and every check with its one-line message
 * (thresholds, baseline deltas, stability, range, drift), then where the full report is.
 */
final class ValidationSummary {
  private ValidationSummary() {}

  static void print(PrintWriter out, PipelineSpec spec, PipelineStatus status) {
    out.println();
    status.history().stream()
        .filter(r -> r.stage() == Stage.VALIDATING)
        .reduce((a, b) -> b)
        .map(StageRecord::summary)
        .ifPresent(summary -> out.println("Validation of " + spec.model() + ": " + summary));
    ValidationVerdict verdict = status.validation();
    if (verdict != null) {
      for (CheckResult check : verdict.checks()) {
        out.printf("  %s %-20s %s%n", mark(check.status()), check.name(), check.message());
      }
      out.println("  report: " + verdict.reportUri());
    }
    out.flush();
  }

  static String mark(CheckResult.Status status) {
    return switch (status) {
      case PASS -> "✓";
      case FAIL -> "✗";
      case SKIPPED -> "–";
    };
  }
}
