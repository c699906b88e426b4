package dev.tollgate.cli.approval;

import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.Version;
import dev.tollgate.pipeline.DecisionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

  @Mixin VouchedOptions vouched = new VouchedOptions();

  @Mixin WorkerWait workerWait = new WorkerWait();

  @Parameters(
      paramLabel = "RUN",
      description = "The run: <model>/<run-id> or pipeline/<model>/<run-id>.")
  String run;

  @Option(
      names = "--by",
      paramLabel = "NAME",
      description = "Who rejects; must be one of the spec's approvers. Required unless --via.")
  String by;

  @Option(
      names = "--reason",
      required = true,
      paramLabel = "TEXT",
      description = "Why, for the audit trail and the notification.")
  String reason;

  @Override
  protected int execute() {
    vouched.check(by);
    if (vouched.used()) return Decide.sendVouched(out(), vouched, run, false, reason);
    return Decide.send(out(), connection, workerWait, run, new DecisionRequest(false, by, reason));
  }
}
