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

/** {@code tollgate schedule disable MODEL --by NAME}: ends the guardian; its run goes on. */
@Command(
    name = "disable",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "End the model's guardian.",
      "A run it started goes on to its end (approval included)."
    })
final class ScheduleDisableCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin ActorOptions actor = new ActorOptions();

  @Mixin ModelArgument model = new ModelArgument();

  @Override
  protected int execute() {
    ActionRecord done =
        GuardianControls.send(connection, actor, model.name(), PolicyAction.DISABLE, null);
    out().println("Disabled guardian/" + model.name() + " (by " + done.by() + ")");
    return ExitCodes.OK;
  }
}
