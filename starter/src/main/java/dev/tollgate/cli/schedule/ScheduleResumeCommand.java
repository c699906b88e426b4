package dev.tollgate.cli.schedule;

import dev.tollgate.cli.approval.ActorOptions;
import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.ModelArgument;
import dev.tollgate.cli.common.Version;
import dev.tollgate.guardian.ActionRecord;
import dev.tollgate.policy.PolicyAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tollgate schedule resume MODEL}: the paused guardian acts again. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {"Resume a paused guardian: a data check that fell due runs at once."})
final class ScheduleResumeCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin ActorOptions actor = new ActorOptions();

  @Mixin ModelArgument model = new ModelArgument();

  @Override
  protected int execute() {
    ActionRecord done =
        GuardianControls.send(connection, actor, model.name(), PolicyAction.RESUME, null);
    out().println("Resumed guardian/" + model.name() + " (by " + done.by() + ")");
    return ExitCodes.OK;
  }
}
