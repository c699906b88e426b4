package dev.tollgate.cli.schedule;

import dev.tollgate.cli.common.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tollgate schedule ...}: runs that start by themselves. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Retrain by itself: cron, drift and data-volume triggers.",
      "Guardians (any server, the embedded one too): enable, disable, status, trigger, pause,"
          + " resume. A guardian/<model> workflow sleeps on durable timers, checks the data, and"
          + " starts runs with one in flight at most, a cooldown and a weekly budget.",
      "Native Temporal Schedules (a real server only): create, list, describe, pause --native,"
          + " unpause, trigger --native, backfill, delete. See docs/triggers.md."
    },
    subcommands = {
      ScheduleEnableCommand.class,
      ScheduleDisableCommand.class,
      ScheduleStatusCommand.class,
      ScheduleTriggerCommand.class,
      SchedulePauseCommand.class,
      ScheduleResumeCommand.class,
      ScheduleCreateCommand.class,
      ScheduleListCommand.class,
      ScheduleDescribeCommand.class,
      ScheduleUnpauseCommand.class,
      ScheduleBackfillCommand.class,
      ScheduleDeleteCommand.class
    })
public final class ScheduleCommand implements Runnable {
  @Spec CommandSpec command;

  /** {@code tollgate schedule} alone: the usage. */
  @Override
  public void run() {
    command.commandLine().usage(command.commandLine().getOut());
  }
}
