package dev.tollgate.cli.approval;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.Version;
import dev.tollgate.pipeline.DecisionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tollgate reject RUN --by NAME --reason TEXT}: stops a run at the approval gate. */
@Command(
    name = "reject",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Reject the deployment of a run waiting for approval.",
      "The run ends REJECTED_BY_APPROVER. The run refuses (exit code 1, with its reason) someone"
          + " not listed in the spec, a second decision by the same person, and any decision when"
          + " none is awaited."
    })
public final class RejectCommand extends CliCommand {

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin ActorOptions actor = new ActorOptions();

  @Mixin WorkerWait workerWait = new WorkerWait();

  @Mixin RunArgument run = new RunArgument();

  @Mixin ReasonOption reason = new ReasonOption();

  @Override
  protected int execute() {
    actor.check();
    if (actor.used()) return Decide.sendVouched(out(), actor, run.name(), false, reason.text());
    return Decide.send(
        out(),
        connection,
        workerWait,
        run.name(),
        new DecisionRequest(false, actor.by(), reason.text()));
  }
}
