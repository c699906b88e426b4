package dev.tollgate.cli;

import dev.tollgate.guardian.GuardianStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tollgate schedule status MODEL}: the guardian's next fires, last check and triggers. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Show the model's guardian: its state, next fires and triggers.",
      "Paused or not, next cron fires, next data check, the last check's drift"
          + " per feature, the run in flight, the weekly budget and the last triggers with their"
          + " outcome."
    })
final class ScheduleStatusCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Parameters(paramLabel = "MODEL", description = "The model whose guardian to show.")
  String model;

  @Override
  int execute() {
    GuardianStatus status = Guardians.call(connection, model, g -> g.status());
    if (status == null) {
      throw new CliFailure(
          ExitCodes.NOT_DONE, "guardian/" + model + " has not started yet: is a worker running?");
    }
    new GuardianStatusPrinter(out(), System.currentTimeMillis()).print(status, null);
    return ExitCodes.OK;
  }
}
