package dev.tollgate.activities.notify;

import static dev.tollgate.activities.notify.EventFields.number;
import static dev.tollgate.activities.notify.EventFields.put;

import dev.tollgate.stages.CancelSummary;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.RunComparison;
import dev.tollgate.stages.RunFinished;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A finished run's {@link EventFields}: the outcome, the figures, and the comparison, stage times
 * ({@code stage_ms.<stage>}), cancellation and policy, in the order the workflow once put them (a
 * metric named like another key is overwritten by the later one, as it always was).
 */
final class FinishedEventFields {
  private FinishedEventFields() {}

  static void add(RunFinished e, Map<String, String> f) {
    put(f, "outcome", e.outcome() == null ? null : e.outcome().name());
    put(f, "trigger", e.trigger());
    if (e.version() != null) put(f, "version", Integer.toString(e.version()));
    e.metrics().forEach((k, v) -> put(f, k, number(v)));
    put(f, "decided_by", e.decidedBy());
    put(f, "decisions", e.decisions());
    put(f, "report", e.reportUri());
    put(f, "html_report", e.htmlReportUri());
    put(f, "failure", e.failure());
    if (e.comparison() != null) comparison(e.comparison(), f);
    if (e.cancellation() != null) cancellation(e.cancellation(), f);
    put(f, "policy", e.policy());
    if (!e.policyRaised().isEmpty()) put(f, "policy_raised", String.join(", ", e.policyRaised()));
    EventFields.commit(f, e.commit());
  }

  private static void comparison(RunComparison c, Map<String, String> f) {
    if (c.previousVersion() != null) {
      put(f, "previous_version", Integer.toString(c.previousVersion()));
    }
    c.previousMetrics().forEach((k, v) -> put(f, "previous_" + k, number(v)));
    if (!c.failedChecks().isEmpty()) put(f, "failed_checks", failedChecks(c.failedChecks()));
    put(f, "drift_share", number(c.driftShare()));
    c.stageTimes().forEach((stage, took) -> put(f, "stage_ms." + stage, "" + took.toMillis()));
  }

  /** "rmse 80.1 (≤ 75); drift.share n/a (≤ 0.3)". */
  static String failedChecks(List<CheckResult> checks) {
    List<String> failed = new ArrayList<>();
    for (CheckResult c : checks) {
      String value = c.value() == null ? "n/a" : number(c.value());
      failed.add(c.name() + " " + value + " (" + c.threshold() + ")");
    }
    return String.join("; ", failed);
  }

  private static void cancellation(CancelSummary c, Map<String, String> f) {
    put(f, "cancelled_by", c.by());
    put(f, "cancel_reason", c.reason());
    put(f, "cancel_via", c.via());
    put(f, "cancelled_during", c.during());
    if (c.note() != null && !c.note().isBlank()) put(f, "cancel_note", c.note());
  }
}
