package dev.tollgate.cli.models;

import dev.tollgate.cli.common.Version;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tollgate models ...}: the model registry. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "The model registry: versions, stages, aliases, audit trail.",
      "Versions with their stage (none, staging, production, archived) and why,"
          + " aliases (champion follows Production), lineage and the audit trail of every move.",
      "Read through a worker (a short workflow), so only the Temporal address is needed. list and"
          + " show also read a home folder's H2 registry directly, with no server: --home DIR."
    },
    subcommands = {ModelsListCommand.class, ModelsShowCommand.class, ModelsAliasCommand.class})
public final class ModelsCommand implements Runnable {
  @Spec CommandSpec command;

  @Override
  public void run() {
    command.commandLine().usage(command.commandLine().getOut());
  }
}
