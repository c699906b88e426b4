package dev.tollgate.cli.schedule;

import dev.tollgate.cli.approval.VouchedOptions;
import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Version;
import dev.tollgate.guardian.ActionRecord;
import dev.tollgate.policy.PolicyAction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

  @Mixin VouchedOptions vouched = new VouchedOptions();

  @Parameters(paramLabel = "MODEL", description = "The model whose guardian to end.")
  String model;

  @Option(
      names = "--by",
      paramLabel = "NAME",
      description =
          "Who disables it; the worker's approval policy says who may. Required unless --via.")
  String by;

  @Override
  protected int execute() {
    ActionRecord done =
        GuardianControls.send(connection, vouched, model, PolicyAction.DISABLE, by, null);
    out().println("Disabled guardian/" + model + " (by " + done.by() + ")");
    return ExitCodes.OK;
  }
}
