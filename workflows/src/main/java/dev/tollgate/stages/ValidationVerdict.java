package dev.tollgate.stages;

import java.util.List;

/**
 * The outcome of the validate stage.
 *
 * @param reportUri where the JSON report is
 * @param reportDigest SHA-256 of the report
 */
public record ValidationVerdict(
    boolean passed, List<CheckResult> checks, String reportUri, String reportDigest) {

  public ValidationVerdict {
    checks = List.copyOf(checks);
  }

  /** The checks that failed, for messages. */
  public List<CheckResult> failures() {
    return checks.stream().filter(c -> c.status() == CheckResult.Status.FAIL).toList();
  }
}
