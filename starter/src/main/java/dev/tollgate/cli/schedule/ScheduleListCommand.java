package dev.tollgate.cli.schedule;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Show;
import dev.tollgate.cli.common.Version;
import io.temporal.client.schedules.ScheduleListDescription;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tollgate schedule list}: the native Schedules of pipeline runs. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "List the native Temporal Schedules Tollgate created.",
      "Their names: tollgate-<model>."
    })
final class ScheduleListCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Override
  protected int execute() {
    List<ScheduleListDescription> all =
        NativeSchedules.call(
            connection,
            s ->
                s.listSchedules()
                    .filter(d -> d.getScheduleId().startsWith(NativeSchedules.PREFIX))
                    .toList());
    PrintWriter out = out();
    if (all.isEmpty()) {
      out.println("No Tollgate schedules. Create one: tollgate schedule create --spec FILE");
      return ExitCodes.OK;
    }
    out.printf(Locale.ROOT, "%-32s %-8s %s%n", "SCHEDULE", "STATE", "NEXT FIRE");
    for (ScheduleListDescription d : all) {
      List<Instant> next = d.getInfo().getNextActionTimes();
      out.printf(
          Locale.ROOT,
          "%-32s %-8s %s%n",
          d.getScheduleId(),
          d.getSchedule().getState().isPaused() ? "paused" : "active",
          next.isEmpty() ? "-" : Show.time(next.getFirst().toEpochMilli()));
    }
    return ExitCodes.OK;
  }
}
