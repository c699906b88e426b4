package dev.tollgate.activities.notify;

import dev.tollgate.report.ValidationText;
import dev.tollgate.spec.NotifySpec;
import dev.tollgate.stages.ApprovalDecided;
import dev.tollgate.stages.ApprovalEscalated;
import dev.tollgate.stages.ApprovalReminder;
import dev.tollgate.stages.ApprovalRequested;
import dev.tollgate.stages.CancelSummary;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.CommitLineage;
import dev.tollgate.stages.EventHeader;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.PipelineEvent;
import dev.tollgate.stages.RollbackFinished;
import dev.tollgate.stages.RunComparison;
import dev.tollgate.stages.RunFinished;
import dev.tollgate.stages.RunStarted;
import dev.tollgate.stages.ValidationVerdict;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One event of each kind, with the figures the workflow's RunNotices gives it. */
public final class SampleEvents {
  public static final String MODEL = "energy-load";
  public static final String RUN = "20261202-0200-a1b2";
  public static final String WORKFLOW = "pipeline/energy-load/" + RUN;
  public static final NotifySpec ROUTE =
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
    all.put("validated", validated());
    return all;
  }

  /** The run's header: numbered 1 and routed to {@link #ROUTE}. */
  public static EventHeader header(String message) {
    return new EventHeader(MODEL, RUN, WORKFLOW, message, ROUTE, 1);
  }

  public static PipelineEvent runStarted() {
    return new RunStarted(
        header(MODEL + " run " + RUN + " started by alice"),
        "manual",
        "alice",
        "new features <humidity> & co");
  }

  public static String summary() {
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

  public static ApprovalRequested approvalRequested() {
    return new ApprovalRequested(
        header("Approve " + MODEL + " v3 (rmse 25.8, r2 0.91)?"),
        3,
        List.of("alice", "bob"),
        summary(),
        "file:/srv/tollgate/reports/energy-load/v3/validation.json",
        "file:/srv/tollgate/reports/energy-load/v3/validation.html",
        null);
  }

  public static PipelineEvent reminder() {
    return new ApprovalReminder(
        header(MODEL + " v3 still waits for approval (4h)"), List.of("alice", "bob"));
  }

  public static PipelineEvent escalated() {
    return new ApprovalEscalated(
        header(MODEL + " v3 waits for approval: now asking carol too"),
        List.of("alice", "bob", "carol"),
        List.of("carol"),
        summary());
  }

  public static PipelineEvent decided() {
    return new ApprovalDecided(
        header(MODEL + " v3 approved by alice"), "alice", true, "lgtm", "slack");
  }

  /** A run that got as far as validation, against v2 in Production. */
  private static RunFinished finished(
      Outcome outcome,
      String message,
      double rmse,
      List<CheckResult> failed,
      String decidedBy,
      String decisions,
      String failure,
      CancelSummary cancellation) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("rmse", rmse);
    metrics.put("r2", 0.91);
    metrics.put("mae", 19.2);
    Map<String, Duration> times = new LinkedHashMap<>();
    times.put("train", Duration.ofSeconds(95));
    times.put("validate", Duration.ofSeconds(12));
    return new RunFinished(
        header(message),
        outcome,
        "schedule",
        3,
        metrics,
        decidedBy,
        decisions,
        "file:/srv/tollgate/reports/energy-load/v3/validation.json",
        "file:/srv/tollgate/reports/energy-load/v3/validation.html",
        failure,
        new RunComparison(2, Map.of("rmse", 27.0, "r2", 0.91), failed, 0.12, times),
        cancellation,
        null,
        List.of());
  }

  /** A plain DEPLOYED v4 of a run started at {@code commit} (a pipeline with {@code --git}). */
  public static RunFinished deployedAt(CommitLineage commit) {
    return new RunFinished(
        header("DEPLOYED " + MODEL + " v4"),
        Outcome.DEPLOYED,
        "manual",
        4,
        Map.of("rmse", 20.0),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        commit);
  }

  public static PipelineEvent deployed() {
    return finished(
        Outcome.DEPLOYED,
        "DEPLOYED energy-load v3 (rmse 25.8, r2 0.91)",
        25.8,
        List.of(),
        "alice",
        "alice approved via slack at 2026-12-02T10:00:00Z: lgtm",
        null,
        null);
  }

  /** A pull request's check run that passed validation: nothing deployed. */
  public static PipelineEvent validated() {
    return finished(
        Outcome.VALIDATED,
        "VALIDATED energy-load v3 (rmse 25.8, r2 0.91)",
        25.8,
        List.of(),
        null,
        null,
        null,
        null);
  }

  public static PipelineEvent validationFailed() {
    return finished(
        Outcome.REJECTED_BY_VALIDATION,
        "REJECTED_BY_VALIDATION energy-load v3 (rmse 80.1)",
        80.1,
        List.of(
            new CheckResult("rmse", 80.1, "≤ 75", CheckResult.Status.FAIL, "80.1 > 75"),
            new CheckResult(
                "baseline.rmse", 80.1, "within 5% of 27", CheckResult.Status.FAIL, "worse")),
        null,
        null,
        null,
        null);
  }

  public static PipelineEvent rolledBack() {
    return finished(
        Outcome.ROLLED_BACK,
        "ROLLED_BACK energy-load v3 (rmse 25.8)",
        25.8,
        List.of(),
        null,
        null,
        "rolled back: smoke test failed: 3 of 20 predictions were NaN",
        null);
  }

  public static PipelineEvent rejected() {
    return finished(
        Outcome.REJECTED_BY_APPROVER,
        "REJECTED_BY_APPROVER energy-load v3",
        25.8,
        List.of(),
        "bob",
        "bob rejected via cli at 2026-12-02T10:00:00Z: drift too high",
        null,
        null);
  }

  public static PipelineEvent timedOut() {
    return finished(
        Outcome.APPROVAL_TIMED_OUT,
        "APPROVAL_TIMED_OUT energy-load v3",
        25.8,
        List.of(),
        "tollgate",
        "tollgate rejected via timeout at 2026-12-05T02:00:00Z",
        null,
        null);
  }

  public static PipelineEvent cancelled() {
    return finished(
        Outcome.CANCELLED,
        "CANCELLED energy-load v3",
        25.8,
        List.of(),
        null,
        null,
        null,
        new CancelSummary(
            "alice",
            "wrong data window",
            "claim",
            "DEPLOYING",
            "v2 serves again; energy-load v3 archived"));
  }

  public static PipelineEvent failed() {
    return new RunFinished(
        header("FAILED energy-load"),
        Outcome.FAILED,
        "manual",
        null,
        Map.of(),
        null,
        null,
        null,
        null,
        "training failed: column 'load' not found in file:examples/energy/load.csv",
        null,
        null,
        null,
        List.of());
  }

  public static PipelineEvent rolledBackByHand() {
    return new RollbackFinished(
        new EventHeader(
            MODEL,
            "rollback-7",
            "rollback/energy-load/rollback-7",
            "energy-load rolled back from v3 to v2"),
        3,
        2,
        true,
        "alice",
        "latency doubled");
  }
}
