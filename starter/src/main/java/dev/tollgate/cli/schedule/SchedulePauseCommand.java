package dev.tollgate.cli.schedule;

import dev.tollgate.cli.approval.ActorOptions;
import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.ModelArgument;
import dev.tollgate.cli.common.Version;
import dev.tollgate.guardian.ActionRecord;
import dev.tollgate.policy.PolicyAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tollgate schedule pause MODEL}: the guardian (or, --native, the Schedule) holds. */
@Command(
    name = "pause",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Pause the model's guardian (or, with --native, its Schedule).",
      "Cron ticks are recorded as skipped, data checks wait, nothing"
          + " starts until `schedule resume`. --native pauses the native Schedule instead."
    })
final class SchedulePauseCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin ActorOptions actor = new ActorOptions();

  @Mixin ModelArgument model = new ModelArgument();

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why, shown in status.")
  String reason;

  @Option(names = "--native", description = "Pause the native Schedule tollgate-<model> instead.")
  boolean nativeSchedule;

  @Override
  protected int execute() {
    if (nativeSchedule) {
      if (actor.by() == null) throw new CliFailure(ExitCodes.USAGE, "--by NAME: say who pauses it");
      String note = "paused by " + actor.by() + (reason == null ? "" : ": " + reason);
      NativeSchedules.run(connection, model.name(), h -> h.pause(note));
      out().println("Paused " + NativeSchedules.id(model.name()) + " (" + note + ")");
      return ExitCodes.OK;
    }
    ActionRecord done =
        GuardianControls.send(connection, actor, model.name(), PolicyAction.PAUSE, reason);
    String note = "paused by " + done.by() + (reason == null ? "" : ": " + reason);
    out().println("Paused guardian/" + model.name() + " (" + note + ")");
    return ExitCodes.OK;
  }
}
