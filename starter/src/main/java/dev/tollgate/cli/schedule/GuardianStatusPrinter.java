package dev.tollgate.cli.schedule;

import dev.tollgate.cli.common.Show;
import dev.tollgate.cli.run.RunOnServer;
import dev.tollgate.guardian.ActionRecord;
import dev.tollgate.guardian.GuardianStatus;
import dev.tollgate.guardian.TriggerRecord;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.spec.Durations;
import dev.tollgate.stages.DataInspection;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** {@code tollgate schedule status MODEL}: a guardian's state, one fact per line. */
final class GuardianStatusPrinter {
  private final PrintWriter out;
  private final long now;

  GuardianStatusPrinter(PrintWriter out, long now) {
    this.out = out;
    this.now = now;
  }

  /**
   * @param inFlightNow what the server says of the run in flight now ({@link RunOnServer}), or
   *     {@code null} when not asked
   */
  void print(GuardianStatus s, String inFlightNow) {
    out.println(
        WorkflowIds.guardian(s.model())
            + "  "
            + (s.paused()
                ? "PAUSED by "
                    + s.pausedBy()
                    + (s.pauseReason() == null ? "" : ": " + s.pauseReason())
                : "active"));
    if (s.cron() != null) {
      line("cron", s.cron() + "  " + s.cronDescription());
      line("next fires", String.join(", ", s.nextCronFires().stream().map(this::when).toList()));
    }
    if (s.driftCheckEvery() != null || s.nextCheck() != null) line("data checks", checks(s));
    DataInspection last = s.lastInspection();
    if (last != null) {
      line("last check", last.checkedAt().replace("T", " ") + "  " + last.describe());
      if (last.productionRows() != null) {
        line(
            "rows",
            last.sourceRows()
                + " ("
                + signed(last.newRows())
                + " since v"
                + last.productionVersion()
                + ")");
      }
      if (last.note() != null) line("", last.note());
    }
    if (s.inFlightRunId() != null) {
      line(
          "in flight",
          s.model()
              + "/"
              + s.inFlightRunId()
              + (inFlightNow == null ? "" : ": " + inFlightNow)
              + (inFlightNow == null || inFlightNow.startsWith("running")
                  ? ""
                  : " (the guardian has not taken note yet)")
              + (s.buffered() == null ? "" : "; queued " + s.buffered()));
    }
    line(
        "retrains",
        s.retrainsThisWeek()
            + " of "
            + s.budget()
            + " drift/volume retrains in the last 7 days"
            + (s.cooldownUntil() == null ? "" : "; cooldown until " + when(s.cooldownUntil())));
    line(
        "runs started",
        s.runsStarted()
            + " (continued as new "
            + s.generation()
            + " times, history "
            + s.historyLength()
            + " events)");
    logs(out, s.triggers(), s.actions());
    out.flush();
  }

  /** The trigger log and the action log, the last ten of each, newest last. */
  static void logs(PrintWriter out, List<TriggerRecord> log, List<ActionRecord> actions) {
    out.println(
        "  triggers (last " + Math.min(log.size(), 10) + " of " + log.size() + ", newest last):");
    for (TriggerRecord r : log.subList(Math.max(0, log.size() - 10), log.size())) {
      out.println("    " + r.describe());
    }
    if (!actions.isEmpty()) {
      out.println(
          "  actions (last "
              + Math.min(actions.size(), 10)
              + " of "
              + actions.size()
              + ", allowed and refused by the approval policy):");
      for (ActionRecord r : actions.subList(Math.max(0, actions.size() - 10), actions.size())) {
        out.println("    " + r.describe());
      }
    }
  }

  /**
   * "every 6h, next 18:00 (in 5h 59m); retrain above drift share 0.50 or on 500 new rows". Paused,
   * checks wait: the one due runs at resume.
   */
  private String checks(GuardianStatus s) {
    String next =
        s.nextCheck() == null
            ? ""
            : s.paused()
                ? "; paused: checks wait, the one due runs at resume"
                : ", next " + when(s.nextCheck());
    String every =
        s.driftCheckEvery() == null ? "" : "every " + Durations.format(s.driftCheckEvery());
    String rule =
        s.retrainOnDriftShare() == null
            ? ""
            : String.format(
                    Locale.ROOT, "; retrain above drift share %.2f", s.retrainOnDriftShare())
                + (s.minNewRows() == null ? "" : " or on " + s.minNewRows() + " new rows");
    return (every + next).replaceFirst("^[,;] ", "") + rule;
  }

  private String when(String iso) {
    long at = Instant.parse(iso).toEpochMilli();
    return Show.time(at) + " " + Show.relative(at, now);
  }

  private static String signed(Long n) {
    return n == null ? "?" : (n >= 0 ? "+" : "") + n;
  }

  private void line(String label, String value) {
    out.printf(Locale.ROOT, "  %-13s %s%n", label, value);
  }
}
