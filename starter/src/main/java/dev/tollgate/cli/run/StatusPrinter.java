package dev.tollgate.cli.run;

import dev.tollgate.cli.common.Show;
import dev.tollgate.pipeline.ApprovalWait;
import dev.tollgate.pipeline.CancelRecord;
import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.Figures;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.StageRecord;
import dev.tollgate.policy.PolicyApplied;
import dev.tollgate.report.ValidationText;
import dev.tollgate.stages.TrainProgress;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/** Writes where a run is, for {@code tollgate status}: one labelled line per fact. */
final class StatusPrinter {
  private final PrintWriter out;
  private final long now;

  StatusPrinter(PrintWriter out, long nowMillis) {
    this.out = out;
    this.now = nowMillis;
  }

  /**
   * A running run, with the train activity's last heartbeat when it is training ({@code null}
   * otherwise, or before the first heartbeat).
   */
  void print(String workflowId, PipelineStatus s, TrainProgress training) {
    print(workflowId, s, training, null);
  }

  /**
   * The same, with {@code waiting}: the training no worker has taken yet ({@link TrainingWait}).
   */
  void print(String workflowId, PipelineStatus s, TrainProgress training, String waiting) {
    out.println(workflowId);
    line("model", s.model() + (s.modelVersion() == null ? "" : " v" + s.modelVersion()));
    line("stage", String.valueOf(s.stage()));
    if (training != null) line("progress", TrainingProgress.describe(training));
    else if (waiting != null) line("progress", waiting);
    if (s.canary() != null) line("canary", CanaryLine.describe(s.canary(), now));
    history(s.history());
    metrics(s.metrics());
    approval(s.approval());
    policy(s.policy());
    decisions(s.audit());
    if (s.cancellation() != null && s.outcome() == null) {
      line(
          "cancel",
          "requested " + s.cancellation().describe() + "; stopping at the next safe point");
    }
    if (s.outcome() != null) line("outcome", s.outcome().name());
    if (s.validation() != null) {
      out.print(
          ValidationText.render(
              ValidationSummary.subject(s.model(), s.modelVersion()), s.validation(), s.metrics()));
    }
    out.flush();
  }

  /** A finished run, from its result. */
  void print(String workflowId, PipelineResult r) {
    out.println(workflowId);
    line("model", r.model() + (r.modelVersion() == null ? "" : " v" + r.modelVersion()));
    line("stage", "finished");
    history(r.stages());
    metrics(r.metrics());
    policy(r.policy());
    if (!r.decisions().isEmpty()) decisions(r.decisions());
    line("outcome", r.headline());
    cancellation(r.cancellation());
    if (r.failure() != null && !r.failure().isBlank()) line("cause", r.failure());
    if (r.validation() != null) {
      out.print(
          ValidationText.render(
              ValidationSummary.subject(r.model(), r.modelVersion()), r.validation(), r.metrics()));
    }
    out.flush();
  }

  /** Who cancelled the run and why, and what its clean-up did. */
  private void cancellation(CancelRecord c) {
    if (c == null) return;
    line("cancelled", c.describe());
    if (c.note() != null && !c.note().isBlank()) line("clean-up", c.note());
  }

  private void history(List<StageRecord> history) {
    if (history == null || history.isEmpty()) return;
    out.println("  history");
    for (StageRecord r : history) out.println("  " + Show.stage(r));
  }

  private void metrics(Map<String, Double> metrics) {
    if (metrics == null || metrics.isEmpty()) return;
    StringJoiner all = new StringJoiner(", ");
    new TreeMap<>(metrics).forEach((k, v) -> all.add(k + " " + Figures.number(v)));
    line("metrics", all.toString());
  }

  private void approval(ApprovalWait wait) {
    if (wait == null) return;
    line(
        "waiting",
        "for approval by "
            + Show.either(wait.askedOf())
            + " ("
            + wait.needed()
            + " needed, "
            + wait.decisions().size()
            + " so far)");
    line("since", Show.time(wait.sinceMillis()) + " " + Show.relative(wait.sinceMillis(), now));
    line(
        "deadline",
        Show.time(wait.deadlineMillis()) + " " + Show.relative(wait.deadlineMillis(), now));
  }

  /** The worker's approval policy the run is held to, and what it raised in the spec. */
  private void policy(PolicyApplied policy) {
    if (policy != null) line("policy", policy.describe());
  }

  private void decisions(List<DecisionRecord> audit) {
    if (audit == null || audit.isEmpty()) return;
    out.println("  decisions");
    for (DecisionRecord d : audit) {
      StringBuilder s = new StringBuilder("    ");
      s.append(d.by()).append(d.approve() ? " approved" : " rejected");
      s.append(" at ").append(Show.time(d.atMillis())).append(" via ").append(d.via());
      if (d.comment() != null && !d.comment().isBlank()) s.append(": ").append(d.comment());
      if (!d.accepted()) s.append(" [ignored").append(d.note() == null ? "" : ": " + d.note());
      if (!d.accepted()) s.append(']');
      out.println(s);
    }
  }

  private void line(String label, String value) {
    out.printf("  %-9s %s%n", label, value);
  }
}
