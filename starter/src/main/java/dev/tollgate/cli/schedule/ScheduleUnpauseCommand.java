package dev.tollgate.cli.schedule;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.ModelArgument;
import dev.tollgate.cli.common.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tollgate schedule unpause MODEL}: the native Schedule fires again. */
@Command(
    name = "unpause",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Unpause the model's native Schedule.",
      "A guardian resumes with `schedule resume`."
    })
final class ScheduleUnpauseCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin ModelArgument model = new ModelArgument();

  @Option(
      names = "--by",
      paramLabel = "NAME",
      defaultValue = "someone",
      description = "Who unpauses it, for the note.")
  String by;

  @Override
  protected int execute() {
    NativeSchedules.run(connection, model.name(), h -> h.unpause("unpaused by " + by));
    out().println("Unpaused " + NativeSchedules.id(model.name()));
    return ExitCodes.OK;
  }
}
