package dev.tollgate.pipeline;

import dev.tollgate.stages.CancelSummary;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.RunComparison;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a finished run's event that compare and time it ({@link RunComparison}: the version
 * it replaces and that version's metrics, the checks that failed, the drift share validation
 * measured, each stage's time, which the notify activity turns into metrics), and who cancelled a
 * run ({@link CancelSummary}).
 */
final class FinishedFields {
  private FinishedFields() {}

  /**
   * Who cancelled the run and why (a name, or {@code unknown} for a cancel sent to Temporal), how
   * the name was known, the stage it stopped and what the clean-up did; {@code null} when nobody.
   */
  static CancelSummary cancellation(CancelRecord c) {
    if (c == null) return null;
    return new CancelSummary(
        c.by(),
        c.reasonOrNone(),
        c.via(),
        c.stage() == null ? null : c.stage().name(),
        c.note() == null || c.note().isBlank() ? null : c.note());
  }

  static RunComparison comparison(PipelineResult r) {
    Map<String, Double> previous = Map.of();
    List<CheckResult> failed = List.of();
    Double driftShare = null;
    if (r.validation() != null) {
      if (r.validation().baselineMetrics() != null) previous = r.validation().baselineMetrics();
      failed = r.validation().failures();
      for (var c : r.validation().checks()) {
        // the tollgate_drift_share gauge (the name is the drift check's, DriftCheck.NAME)
        if (c.name().equals("drift.share") && c.value() != null) driftShare = c.value();
      }
    }
    Map<String, Duration> times = new LinkedHashMap<>();
    for (StageRecord s : r.stages()) {
      // A stage that ran twice (two staging environments) is reported with its total time.
      String stage = s.stage().name().toLowerCase(Locale.ROOT);
      times.merge(stage, Duration.ofMillis(s.durationMillis()), Duration::plus);
    }
    return new RunComparison(r.previousProduction(), previous, failed, driftShare, times);
  }
}
