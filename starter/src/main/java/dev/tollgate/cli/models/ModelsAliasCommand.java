package dev.tollgate.cli.models;

import dev.tollgate.cli.approval.ActionIdentity;
import dev.tollgate.cli.approval.ActorOptions;
import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.ModelArgument;
import dev.tollgate.cli.common.Version;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.registry.RegistryRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tollgate models alias MODEL NAME VERSION --by NAME}: a named pointer to a version. */
@Command(
    name = "alias",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Point an alias (challenger, or a name of your own) at a version.",
      "champion follows Production and moves only by promotion or rollback."
    })
final class ModelsAliasCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin ActorOptions actor = new ActorOptions();

  @Parameters(index = "0", paramLabel = "MODEL", description = "The model.")
  String model;

  @Parameters(index = "1", paramLabel = "NAME", description = "The alias, e.g. challenger.")
  String alias;

  @Parameters(index = "2", paramLabel = "VERSION", description = "The version it points at.")
  int version;

  @Override
  protected int execute() {
    ActionIdentity who =
        ActionIdentity.of(
            actor,
            PolicyAction.ALIAS,
            ModelArgument.check(model),
            RegistryRequest.aliasDetail(alias, version));
    RegistryClient.ask(
        connection,
        new RegistryRequest(
            RegistryRequest.Kind.ALIAS, model, alias, version, who.by(), who.voucher()));
    out().println(model + " " + alias + " -> v" + version);
    return ExitCodes.OK;
  }
}
