package dev.tollgate.cli.schedule;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tollgate schedule delete MODEL}: removes the native Schedule; its runs go on. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {"Delete the model's native Schedule. Runs it started go on."})
final class ScheduleDeleteCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Parameters(paramLabel = "MODEL", description = "The model whose Schedule to delete.")
  String model;

  @Override
  protected int execute() {
    NativeSchedules.run(connection, model, h -> h.delete());
    out().println("Deleted " + NativeSchedules.id(model));
    return ExitCodes.OK;
  }
}
