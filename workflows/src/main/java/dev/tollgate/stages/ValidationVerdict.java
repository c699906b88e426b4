package dev.tollgate.stages;

import java.util.List;
import java.util.Map;

/**
 * The outcome of the validate stage. Components are only ever added at the end: a payload written
 * before a component existed reads it back as {@code null}.
 *
 * @param reportUri where the JSON report is
 * @param reportDigest SHA-256 of the report
 * @param htmlReportUri where the HTML report with charts is; {@code null} for older runs
 * @param htmlReportDigest SHA-256 of the HTML report; {@code null} for older runs
 * @param baselineMetrics the Production model's metrics on the same holdout; {@code null} when no
 *     Production model was scored (none, or it could not score this data)
 */
public record ValidationVerdict(
    boolean passed,
    List<CheckResult> checks,
    String reportUri,
    String reportDigest,
    String htmlReportUri,
    String htmlReportDigest,
    Map<String, Double> baselineMetrics) {

  public ValidationVerdict {
    checks = List.copyOf(checks);
    baselineMetrics = baselineMetrics == null ? null : Map.copyOf(baselineMetrics);
  }

  /** A verdict with the JSON report only (no HTML report, no baseline figures). */
  public ValidationVerdict(
      boolean passed, List<CheckResult> checks, String reportUri, String reportDigest) {
    this(passed, checks, reportUri, reportDigest, null, null, null);
  }

  /** The checks that failed, for messages. */
  public List<CheckResult> failures() {
    return checks.stream().filter(c -> c.status() == CheckResult.Status.FAIL).toList();
  }
}
