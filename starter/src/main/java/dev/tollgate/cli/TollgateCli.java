package dev.tollgate.cli;

import dev.tollgate.cli.approval.ApproveCommand;
import dev.tollgate.cli.approval.CancelCommand;
import dev.tollgate.cli.approval.RejectCommand;
import dev.tollgate.cli.check.CheckCommand;
import dev.tollgate.cli.common.Version;
import dev.tollgate.cli.models.ModelsCommand;
import dev.tollgate.cli.models.RollbackCommand;
import dev.tollgate.cli.run.ExportHistoriesCommand;
import dev.tollgate.cli.run.PendingCommand;
import dev.tollgate.cli.run.RunCommand;
import dev.tollgate.cli.run.RunsCommand;
import dev.tollgate.cli.run.StatusCommand;
import dev.tollgate.cli.schedule.ScheduleCommand;
import dev.tollgate.cli.worker.DemoCommand;
import dev.tollgate.cli.worker.ServeCommand;
import dev.tollgate.cli.worker.WorkerCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tollgate}: the command line of Tollgate, durable CI/CD for machine-learning models. */
@Command(
    name = "tollgate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    // the texts of the shared options, one per command (ActorOptions, ReasonOption, ModelArgument)
    resourceBundle = "dev.tollgate.cli.OptionTexts",
    description = {
      "Durable CI/CD for machine-learning models, on Temporal: train, validate, approve, deploy"
          + " and notify, one pipeline run per spec.",
      "",
      "Try it: tollgate demo"
    },
    subcommands = {
      DemoCommand.class,
      WorkerCommand.class,
      ServeCommand.class,
      CheckCommand.class,
      RunCommand.class,
      StatusCommand.class,
      ApproveCommand.class,
      RejectCommand.class,
      CancelCommand.class,
      RunsCommand.class,
      PendingCommand.class,
      ScheduleCommand.class,
      ModelsCommand.class,
      RollbackCommand.class,
      ExportHistoriesCommand.class,
      CommandLine.HelpCommand.class
    },
    commandListHeading = "%nCommands:%n",
    footerHeading = "%n",
    footer = {
      "Client commands (run, status, approve, reject, cancel, runs, pending, schedule, models, rollback) talk to a Temporal server: --address or"
          + " $TEMPORAL_ADDRESS, else localhost:7233. Start one with `tollgate worker`. `models list|show"
          + " --home DIR` reads a home's registry directly instead.",
      "Exit codes: 0 done (deployed, for a followed run), 1 not deployed or refused, 2 bad"
          + " command line or spec, 3 Temporal server unreachable."
    })
public final class TollgateCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec command;

  public static void main(String[] args) {
    QuietLogging.apply();
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line with every subcommand. Enum values are taken in any case ({@code --outcome
   * deployed}, {@code --stage completed}): the help lists them upper-case, people type them lower.
   */
  public static CommandLine commandLine() {
    return new CommandLine(new TollgateCli()).setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** {@code tollgate} alone: show the usage, like --help. */
  @Override
  public void run() {
    command.commandLine().usage(command.commandLine().getOut());
  }
}
