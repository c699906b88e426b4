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

/** {@code tollgate schedule resume MODEL}: the paused guardian acts again. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {"Resume a paused guardian: a data check that fell due runs at once."})
final class ScheduleResumeCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin VouchedOptions vouched = new VouchedOptions();

  @Parameters(paramLabel = "MODEL", description = "The model whose guardian to resume.")
  String model;

  @Option(
      names = "--by",
      paramLabel = "NAME",
      description =
          "Who resumes it; the worker's approval policy says who may. Required unless --via.")
  String by;

  @Override
  protected int execute() {
    ActionRecord done =
        GuardianControls.send(connection, vouched, model, PolicyAction.RESUME, by, null);
    out().println("Resumed guardian/" + model + " (by " + done.by() + ")");
    return ExitCodes.OK;
  }
}
