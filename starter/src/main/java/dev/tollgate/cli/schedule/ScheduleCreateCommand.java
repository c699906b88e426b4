package dev.tollgate.cli.schedule;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Version;
import dev.tollgate.spec.CronSchedule;
import dev.tollgate.spec.Durations;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleIntervalSpec;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import io.temporal.client.schedules.ScheduleState;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tollgate schedule create --spec FILE}: a native Temporal Schedule of the model's runs. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Create the native Temporal Schedule tollgate-<model>.",
      "It starts a pipeline run at each fire (workflow pipeline/<model>/sched-<fire time>). Needs a real server; the"
          + " embedded one has no Schedules API (use `schedule enable`).",
      "When: --every, else --cron, else the spec's schedule.cron (in schedule.timezone)."
    })
final class ScheduleCreateCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin SpecOption specOption = new SpecOption();

  @Option(
      names = "--cron",
      paramLabel = "EXPR",
      description = "Five-field cron (default: the spec's schedule.cron).")
  String cron;

  @Option(
      names = "--every",
      paramLabel = "DURATION",
      description = "A fixed interval instead of a cron, e.g. 1m, 6h.")
  String every;

  @Option(
      names = "--overlap",
      paramLabel = "POLICY",
      defaultValue = "SKIP",
      description =
          "A fire while a run is in flight: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OverlapOption overlap;

  @Option(
      names = "--catchup-window",
      paramLabel = "DURATION",
      defaultValue = "1d",
      description =
          "Fires missed while the server was down are run if no older than this (default: ${DEFAULT-VALUE}).")
  String catchupWindow;

  @Option(names = "--pause-on-failure", description = "Pause the Schedule when a run fails.")
  boolean pauseOnFailure;

  @Option(names = "--paused", description = "Create it paused.")
  boolean paused;

  @Override
  protected int execute() {
    PipelineSpec spec = SpecParser.parse(specOption.file());
    ScheduleSpec when = when(spec);
    Schedule schedule =
        Schedule.newBuilder()
            .setAction(NativeSchedules.action(spec))
            .setSpec(when)
            .setPolicy(
                SchedulePolicy.newBuilder()
                    .setOverlap(overlap.policy())
                    .setCatchupWindow(duration("--catchup-window", catchupWindow))
                    .setPauseOnFailure(pauseOnFailure)
                    .build())
            .setState(
                ScheduleState.newBuilder()
                    .setPaused(paused)
                    .setNote("created by tollgate schedule create from " + specOption.file())
                    .build())
            .build();
    String id = NativeSchedules.id(spec.model());
    NativeSchedules.call(
        connection,
        schedules -> schedules.createSchedule(id, schedule, ScheduleOptions.newBuilder().build()));
    out()
        .println(
            "Created schedule "
                + id
                + " ("
                + describe(when)
                + ", overlap "
                + overlap.name().toLowerCase(java.util.Locale.ROOT)
                + ")");
    out().println("  tollgate schedule describe " + spec.model() + connection.flagsForCopy());
    return ExitCodes.OK;
  }

  private ScheduleSpec when(PipelineSpec spec) {
    if (every != null) {
      return ScheduleSpec.newBuilder()
          .setIntervals(List.of(new ScheduleIntervalSpec(duration("--every", every))))
          .build();
    }
    String expression =
        cron != null ? cron : spec.schedule() == null ? null : spec.schedule().cron();
    if (expression == null) {
      throw new CliFailure(
          ExitCodes.USAGE,
          "give --every or --cron: " + specOption.file() + " has no schedule.cron");
    }
    String problem = CronSchedule.problem(expression);
    if (problem != null)
      throw new CliFailure(ExitCodes.USAGE, "--cron '" + expression + "': " + problem);
    ScheduleSpec.Builder b = ScheduleSpec.newBuilder().setCronExpressions(List.of(expression));
    if (spec.schedule() != null) b.setTimeZoneName(spec.schedule().zone().getId());
    return b.build();
  }

  private static String describe(ScheduleSpec when) {
    if (!when.getIntervals().isEmpty()) {
      return "every " + Durations.format(when.getIntervals().getFirst().getEvery());
    }
    return "cron "
        + when.getCronExpressions().getFirst()
        + (when.getTimeZoneName() == null ? "" : " " + when.getTimeZoneName());
  }

  static Duration duration(String option, String text) {
    Duration d = Durations.parse(text);
    if (d == null || d.isNegative() || d.isZero()) {
      throw new CliFailure(
          ExitCodes.USAGE,
          option + ": expected a duration such as 1m, 6h or 1d, got '" + text + "'");
    }
    return d;
  }
}
