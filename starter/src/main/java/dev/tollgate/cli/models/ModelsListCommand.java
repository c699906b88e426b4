package dev.tollgate.cli.models;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Version;
import dev.tollgate.registry.RegistryRequest;
import dev.tollgate.stages.ModelRecord;
import dev.tollgate.stages.RegistryStage;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tollgate models list}: every model, its Production version and aliases. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {"List the registry's models: versions, the one in Production, aliases."})
final class ModelsListCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin LocalRegistry local = new LocalRegistry();

  @Override
  protected int execute() {
    List<ModelRecord> models =
        local.chosen() ? local.list() : RegistryClient.ask(connection, RegistryRequest.list());
    PrintWriter out = out();
    if (models.isEmpty()) {
      out.println("The registry is empty: no model was trained yet.");
      return ExitCodes.OK;
    }
    out.printf(Locale.ROOT, "%-32s %-9s %-11s %s%n", "MODEL", "VERSIONS", "PRODUCTION", "ALIASES");
    for (ModelRecord m : models) {
      String production =
          m.versions().stream()
              .filter(v -> v.stage() == RegistryStage.PRODUCTION)
              .map(v -> "v" + v.version())
              .findFirst()
              .orElse("-");
      out.printf(
          Locale.ROOT,
          "%-32s %-9d %-11s %s%n",
          m.model(),
          m.versions().size(),
          production,
          ModelsPrinter.aliases(m));
    }
    return ExitCodes.OK;
  }
}
