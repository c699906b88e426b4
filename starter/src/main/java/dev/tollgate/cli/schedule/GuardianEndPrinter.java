package dev.tollgate.cli.schedule;

import dev.tollgate.cli.common.Show;
import dev.tollgate.cli.common.Workflows;
import dev.tollgate.cli.run.RunOnServer;
import dev.tollgate.guardian.GuardianResult;
import dev.tollgate.pipeline.WorkflowIds;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code tollgate schedule status MODEL} of a guardian that has ended: what it ended as, who ended
 * it and when, what became of the run it left going, and its logs as they were. No next fires, next
 * check or run "in flight": nothing starts by itself any more.
 */
final class GuardianEndPrinter {
  private final PrintWriter out;
  private final long now;

  GuardianEndPrinter(PrintWriter out, long now) {
    this.out = out;
    this.now = now;
  }

  /**
   * @param runLeftNow what the server says now of the run it left going ({@link RunOnServer}), or
   *     {@code null} when it left none
   */
  void print(String model, GuardianExecution ended, String runLeftNow) {
    GuardianResult r = ended.result();
    String headline =
        r != null
            ? r.ended() + " by " + r.by() + " (" + r.via() + ") at " + when(Instant.parse(r.at()))
            : Workflows.stateName(ended.state())
                    .replace("completed", "disabled")
                    .replace("canceled", "cancelled")
                + (ended.closedAt() == null ? "" : " at " + when(ended.closedAt()))
                + (ended.detail() == null ? "" : " " + ended.detail());
    out.println(WorkflowIds.guardian(model) + "  " + headline);
    if (r != null) {
      if (r.runLeft() != null) line("run left", model + "/" + r.runLeft() + ": " + runLeftNow);
      line("runs started", Integer.toString(r.runsStarted()));
      GuardianStatusPrinter.logs(out, r.triggers(), r.actions());
    }
    out.println(
        "  It starts no run by itself any more. Enable it again: tollgate schedule enable --spec"
            + " FILE");
    out.flush();
  }

  private String when(Instant at) {
    return Show.time(at.toEpochMilli()) + " " + Show.relative(at.toEpochMilli(), now);
  }

  private void line(String label, String value) {
    out.printf(Locale.ROOT, "  %-13s %s%n", label, value);
  }
}
