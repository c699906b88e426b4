package dev.tollgate.cli;

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

  @Parameters(paramLabel = "MODEL", description = "The model whose guardian to end.")
  String model;

  @Option(
      names = "--by",
      required = true,
      paramLabel = "NAME",
      description = "Who disables it, for the log.")
  String by;

  @Override
  int execute() {
    Guardians.run(connection, model, g -> g.disable(by));
    out().println("Disabled guardian/" + model + " (by " + by + ")");
    return ExitCodes.OK;
  }
}
