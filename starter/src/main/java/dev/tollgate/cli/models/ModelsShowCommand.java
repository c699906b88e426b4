package dev.tollgate.cli.models;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.ModelArgument;
import dev.tollgate.cli.common.Version;
import dev.tollgate.registry.RegistryRequest;
import dev.tollgate.stages.ModelRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tollgate models show MODEL}: versions, stages, aliases, lineage and audit trail. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Show one model: versions, stages, lineage, aliases, audit trail.",
      "Who put the Production version there (its approvers, or who rolled back to it and why)"
          + " and in which run, every version with its stage and why, metrics and lineage (run,"
          + " artifact, model digest, data SHA-256, spec digest), aliases, and the audit trail (who"
          + " moved which version from what to what, when, why, in which run)."
    })
final class ModelsShowCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin LocalRegistry local = new LocalRegistry();

  @Mixin ModelArgument model = new ModelArgument();

  @Option(names = "--json", description = "Print the record as JSON (for scripts and tests).")
  boolean json;

  @Override
  protected int execute() throws Exception {
    String name = model.checked();
    ModelRecord record =
        local.chosen()
            ? local.show(name)
            : RegistryClient.ask(connection, RegistryRequest.show(name)).getFirst();
    if (json) {
      out()
          .println(
              new com.fasterxml.jackson.databind.ObjectMapper()
                  .writerWithDefaultPrettyPrinter()
                  .writeValueAsString(record));
    } else {
      ModelsPrinter.print(out(), record);
    }
    return ExitCodes.OK;
  }
}
