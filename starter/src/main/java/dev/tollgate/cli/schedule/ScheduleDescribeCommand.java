package dev.tollgate.cli.schedule;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.ModelArgument;
import dev.tollgate.cli.common.Show;
import dev.tollgate.cli.common.Version;
import dev.tollgate.spec.Durations;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleActionResult;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tollgate schedule describe MODEL}: a native Schedule's state, next fires, recent runs. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Show the model's native Schedule: state, next fires, runs.",
      "State, overlap policy, next fires (none while paused) and recent runs."
    })
final class ScheduleDescribeCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin ModelArgument model = new ModelArgument();

  @Override
  protected int execute() {
    ScheduleDescription d = NativeSchedules.onHandle(connection, model.name(), h -> h.describe());
    PrintWriter out = out();
    var state = d.getSchedule().getState();
    var policy = d.getSchedule().getPolicy();
    out.println(
        d.getId()
            + "  "
            + (state.isPaused() ? "PAUSED" : "active")
            + (state.getNote() == null ? "" : "  (" + state.getNote() + ")"));
    out.println("  when          " + when(d.getSchedule().getSpec()));
    if (policy != null) out.println("  policy        " + policy(policy));
    var info = d.getInfo();
    out.println(
        "  actions       "
            + info.getNumActions()
            + " started, "
            + info.getNumActionsSkippedOverlap()
            + " skipped for overlap, "
            + info.getNumActionsMissedCatchupWindow()
            + " missed the catch-up window");
    if (state.isPaused()) {
      // the server still lists the times it would fire at: none of them happens while paused
      out.println("  next          none while paused: tollgate schedule unpause " + model.name());
    } else {
      for (Instant next :
          info.getNextActionTimes().subList(0, Math.min(3, info.getNextActionTimes().size()))) {
        out.println("  next          " + Show.time(next.toEpochMilli()));
      }
    }
    for (ScheduleActionResult r : info.getRecentActions()) {
      String run =
          r.getAction() instanceof ScheduleActionExecutionStartWorkflow w ? w.getWorkflowId() : "?";
      out.println("  recent        " + Show.time(r.getScheduledAt().toEpochMilli()) + "  " + run);
    }
    return ExitCodes.OK;
  }

  /** "every 1d" or "cron [0 6 * * *] Europe/Paris". */
  static String when(ScheduleSpec spec) {
    if (!spec.getIntervals().isEmpty()) {
      return "every " + Durations.format(spec.getIntervals().getFirst().getEvery());
    }
    return "cron "
        + spec.getCronExpressions()
        + " "
        + (spec.getTimeZoneName() == null ? "UTC" : spec.getTimeZoneName());
  }

  /** "overlap skip, catch-up window 1d, pauses on failure". */
  static String policy(SchedulePolicy policy) {
    return "overlap "
        + (policy.getOverlap() == null ? "skip" : OverlapOption.describe(policy.getOverlap()))
        + (policy.getCatchupWindow() == null
            ? ""
            : ", catch-up window " + Durations.format(policy.getCatchupWindow()))
        + (policy.isPauseOnFailure() ? ", pauses on failure" : "");
  }
}
