package dev.tollgate.cli;

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

  @Parameters(paramLabel = "MODEL", description = "The model whose guardian to resume.")
  String model;

  @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who resumes it.")
  String by;

  @Override
  int execute() {
    Guardians.run(connection, model, g -> g.resume(by));
    out().println("Resumed guardian/" + model + " (by " + by + ")");
    return ExitCodes.OK;
  }
}
