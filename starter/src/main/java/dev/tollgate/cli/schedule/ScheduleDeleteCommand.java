package dev.tollgate.cli.schedule;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.ModelArgument;
import dev.tollgate.cli.common.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tollgate schedule delete MODEL}: removes the native Schedule; its runs go on. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {"Delete the model's native Schedule. Runs it started go on."})
final class ScheduleDeleteCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin ModelArgument model = new ModelArgument();

  @Override
  protected int execute() {
    NativeSchedules.run(connection, model.name(), h -> h.delete());
    out().println("Deleted " + NativeSchedules.id(model.name()));
    return ExitCodes.OK;
  }
}
