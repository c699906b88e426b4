package dev.tollgate.activities.notify.slack;

import dev.tollgate.report.ValidationText;
import dev.tollgate.spec.NotifySpec;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.PipelineEvent;
import dev.tollgate.stages.ValidationVerdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One event of each kind, with the fields the workflow's RunNotices gives it. */
public final class SampleEvents {
  static final String MODEL = "energy-load";
  static final String RUN = "20261202-0200-a1b2";
  static final String WORKFLOW = "pipeline/energy-load/" + RUN;
  static final NotifySpec ROUTE =
      new NotifySpec("#ml-deploys", Map.of("U0ALICE", "alice"), List.of(), null);

  private SampleEvents() {}

  /** By golden file name: the notify.on name, plus the rollback by hand. */
  public static Map<String, PipelineEvent> all() {
    Map<String, PipelineEvent> all = new LinkedHashMap<>();
    all.put("run_started", runStarted());
    all.put("approval_requested", approvalRequested());
    all.put("reminder", reminder());
    all.put("escalated", escalated());
    all.put("decided", decided());
    all.put("deployed", deployed());
    all.put("validation_failed", validationFailed());
    all.put("rolled_back", rolledBack());
    all.put("rejected", rejected());
    all.put("timed_out", timedOut());
    all.put("failed", failed());
    all.put("cancelled", cancelled());
    all.put("rolled_back_by_hand", rolledBackByHand());
    return all;
  }

  static PipelineEvent event(PipelineEvent.Kind kind, String message, Map<String, String> fields) {
    return event(kind, message, fields, ROUTE, 1);
  }

  static PipelineEvent event(
      PipelineEvent.Kind kind,
      String message,
      Map<String, String> fields,
      NotifySpec route,
      int seq) {
    return new PipelineEvent(kind, MODEL, RUN, WORKFLOW, message, fields, route, seq);
  }

  static PipelineEvent runStarted() {
    return event(
        PipelineEvent.Kind.RUN_STARTED,
        MODEL + " run " + RUN + " started by alice",
        Map.of(
            "trigger",
            "manual",
            "triggered_by",
            "alice",
            "reason",
            "new features <humidity> & co"));
  }

  static String summary() {
    ValidationVerdict verdict =
        new ValidationVerdict(
            true,
            List.of(
                new CheckResult("rmse", 25.8, "≤ 75", CheckResult.Status.PASS, "25.8 ≤ 75"),
                new CheckResult("r2", 0.91, "≥ 0.7", CheckResult.Status.PASS, "0.91 ≥ 0.7")),
            "file:/srv/tollgate/reports/energy-load/v3/validation.json",
            "abc",
            "file:/srv/tollgate/reports/energy-load/v3/validation.html",
            "def",
            Map.of("rmse", 27.0, "r2", 0.9));
    return ValidationText.render(MODEL + " v3", verdict, Map.of("rmse", 25.8, "r2", 0.91));
  }

  static PipelineEvent approvalRequested() {
    return event(
        PipelineEvent.Kind.APPROVAL_REQUESTED,
        "Approve " + MODEL + " v3 (rmse 25.8, r2 0.91)?",
        Map.of(
            "approvers", "alice,bob",
            "report", "file:/srv/tollgate/reports/energy-load/v3/validation.json",
            "html_report", "file:/srv/tollgate/reports/energy-load/v3/validation.html",
            "summary", summary(),
            "version", "3"));
  }

  static PipelineEvent reminder() {
    return event(
        PipelineEvent.Kind.APPROVAL_REMINDER,
        MODEL + " v3 still waits for approval (4h)",
        Map.of("approvers", "alice,bob"));
  }

  static PipelineEvent escalated() {
    return event(
        PipelineEvent.Kind.APPROVAL_ESCALATED,
        MODEL + " v3 waits for approval: now asking carol too",
        Map.of("approvers", "alice,bob,carol", "escalated_to", "carol", "summary", summary()));
  }

  static PipelineEvent decided() {
    return event(
        PipelineEvent.Kind.DECIDED,
        MODEL + " v3 approved by alice",
        Map.of("decided_by", "alice", "approved", "true", "comment", "lgtm", "via", "slack"));
  }

  private static Map<String, String> finished(String outcome) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("outcome", outcome);
    f.put("trigger", "schedule");
    f.put("version", "3");
    f.put("rmse", "25.8");
    f.put("r2", "0.91");
    f.put("mae", "19.2");
    f.put("previous_version", "2");
    f.put("previous_rmse", "27.0"); // as Figures.number writes 27
    f.put("previous_r2", "0.91");
    f.put("report", "file:/srv/tollgate/reports/energy-load/v3/validation.json");
    f.put("html_report", "file:/srv/tollgate/reports/energy-load/v3/validation.html");
    f.put("drift_share", "0.12");
    f.put("stage_ms.train", "95000");
    f.put("stage_ms.validate", "12000");
    return f;
  }

  static PipelineEvent deployed() {
    Map<String, String> f = finished("DEPLOYED");
    f.put("decided_by", "alice");
    f.put("decisions", "alice approved via slack at 2026-12-02T10:00:00Z: lgtm");
    return event(PipelineEvent.Kind.FINISHED, "DEPLOYED energy-load v3 (rmse 25.8, r2 0.91)", f);
  }

  static PipelineEvent validationFailed() {
    Map<String, String> f = finished("REJECTED_BY_VALIDATION");
    f.put("rmse", "80.1");
    f.put("failed_checks", "rmse 80.1 (≤ 75); baseline.rmse 80.1 (within 5% of 27)");
    return event(
        PipelineEvent.Kind.FINISHED, "REJECTED_BY_VALIDATION energy-load v3 (rmse 80.1)", f);
  }

  static PipelineEvent rolledBack() {
    Map<String, String> f = finished("ROLLED_BACK");
    f.put("failure", "rolled back: smoke test failed: 3 of 20 predictions were NaN");
    return event(PipelineEvent.Kind.FINISHED, "ROLLED_BACK energy-load v3 (rmse 25.8)", f);
  }

  static PipelineEvent rejected() {
    Map<String, String> f = finished("REJECTED_BY_APPROVER");
    f.put("decided_by", "bob");
    f.put("decisions", "bob rejected via cli at 2026-12-02T10:00:00Z: drift too high");
    return event(PipelineEvent.Kind.FINISHED, "REJECTED_BY_APPROVER energy-load v3", f);
  }

  static PipelineEvent timedOut() {
    Map<String, String> f = finished("APPROVAL_TIMED_OUT");
    f.put("decided_by", "tollgate");
    f.put("decisions", "tollgate rejected via timeout at 2026-12-05T02:00:00Z");
    return event(PipelineEvent.Kind.FINISHED, "APPROVAL_TIMED_OUT energy-load v3", f);
  }

  static PipelineEvent cancelled() {
    Map<String, String> f = finished("CANCELLED");
    f.put("cancelled_by", "alice");
    f.put("cancel_reason", "wrong data window");
    f.put("cancel_via", "claim");
    f.put("cancelled_during", "DEPLOYING");
    f.put("cancel_note", "v2 serves again; energy-load v3 archived");
    return event(PipelineEvent.Kind.FINISHED, "CANCELLED energy-load v3", f);
  }

  static PipelineEvent failed() {
    return event(
        PipelineEvent.Kind.FINISHED,
        "FAILED energy-load",
        Map.of(
            "outcome",
            "FAILED",
            "trigger",
            "manual",
            "failure",
            "training failed: column 'load' not found in file:examples/energy/load.csv"));
  }

  static PipelineEvent rolledBackByHand() {
    return new PipelineEvent(
        PipelineEvent.Kind.ROLLED_BACK,
        MODEL,
        "rollback-7",
        "rollback/energy-load/rollback-7",
        "energy-load rolled back from v3 to v2",
        Map.of(
            "from_version", "3",
            "to_version", "2",
            "restored", "true",
            "by", "alice",
            "reason", "latency doubled"));
  }
}
