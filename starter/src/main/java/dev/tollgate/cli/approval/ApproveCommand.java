package dev.tollgate.cli.approval;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.Version;
import dev.tollgate.pipeline.DecisionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tollgate approve RUN --by NAME}: one approval for a run waiting at the gate. */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Approve the deployment of a run waiting for approval.",
      "The run refuses (exit code 1, with its reason) an approver not listed in the spec, a"
          + " second decision by the same person, and any decision when none is awaited."
    })
public final class ApproveCommand extends CliCommand {

  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin ActorOptions actor = new ActorOptions();

  @Mixin WorkerWait workerWait = new WorkerWait();

  @Mixin RunArgument run = new RunArgument();

  @Option(
      names = "--comment",
      paramLabel = "TEXT",
      description = "Why, for the audit trail (optional).")
  String comment;

  @Override
  protected int execute() {
    actor.check();
    if (actor.used()) return Decide.sendVouched(out(), actor, run.name(), true, comment);
    return Decide.send(
        out(), connection, workerWait, run.name(), new DecisionRequest(true, actor.by(), comment));
  }
}
