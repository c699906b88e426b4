package dev.tollgate.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a finished run's event that compare and time it: the version it replaces and that
 * version's metrics (for "rmse 25.8, 1.2 better than v3"), the checks that failed with value and
 * threshold, the drift share validation measured, and each stage's duration in milliseconds ({@code
 * stage_ms.<stage>}), which the notify activity turns into metrics; and who cancelled a run.
 */
final class FinishedFields {
  private FinishedFields() {}

  /**
   * Who cancelled the run and why ({@code cancelled_by}: a name, or {@code unknown} for a cancel
   * sent to Temporal), how the name was known, the stage it stopped and what the clean-up did.
   */
  static void addCancellation(CancelRecord c, Map<String, String> fields) {
    if (c == null) return;
    fields.put("cancelled_by", c.by());
    fields.put("cancel_reason", c.reasonOrNone());
    fields.put("cancel_via", c.via());
    if (c.stage() != null) fields.put("cancelled_during", c.stage().name());
    if (c.note() != null && !c.note().isBlank()) fields.put("cancel_note", c.note());
  }

  static void addComparison(PipelineResult r, Map<String, String> fields) {
    if (r.previousProduction() != null) {
      fields.put("previous_version", Integer.toString(r.previousProduction()));
    }
    if (r.validation() != null) {
      if (r.validation().baselineMetrics() != null) {
        r.validation()
            .baselineMetrics()
            .forEach((k, v) -> fields.put("previous_" + k, Figures.number(v)));
      }
      List<String> failed = new ArrayList<>();
      for (var c : r.validation().failures()) {
        String value = c.value() == null ? "n/a" : Figures.number(c.value());
        failed.add(c.name() + " " + value + " (" + c.threshold() + ")");
      }
      if (!failed.isEmpty()) fields.put("failed_checks", String.join("; ", failed));
      for (var c : r.validation().checks()) {
        // the tollgate_drift_share gauge (the name is the drift check's, DriftCheck.NAME)
        if (c.name().equals("drift.share") && c.value() != null) {
          fields.put("drift_share", Figures.number(c.value()));
        }
      }
    }
    for (StageRecord s : r.stages()) {
      // A stage that ran twice (two staging environments) is reported with its total time.
      String key = "stage_ms." + s.stage().name().toLowerCase(Locale.ROOT);
      fields.merge(
          key,
          Long.toString(s.durationMillis()),
          (a, b) -> Long.toString(Long.parseLong(a) + Long.parseLong(b)));
    }
  }
}
