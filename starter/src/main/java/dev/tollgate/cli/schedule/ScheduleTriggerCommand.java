package dev.tollgate.cli.schedule;

import dev.tollgate.cli.approval.ActionIdentity;
import dev.tollgate.cli.approval.VouchedOptions;
import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Failures;
import dev.tollgate.cli.common.Version;
import dev.tollgate.guardian.TriggerRecord;
import dev.tollgate.guardian.TriggerRequest;
import dev.tollgate.policy.PolicyAction;
import io.temporal.client.WorkflowUpdateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tollgate schedule trigger MODEL}: a run now, through the guardian or the Schedule. */
@Command(
    name = "trigger",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Ask the model's guardian for a run now.",
      "It answers started, queued behind the run in"
          + " flight, or skipped, and why. --native fires the native Schedule once instead."
    })
final class ScheduleTriggerCommand extends CliCommand {
  @Mixin ConnectionOptions connection = new ConnectionOptions();

  @Mixin VouchedOptions vouched = new VouchedOptions();

  @Parameters(paramLabel = "MODEL", description = "The model to run.")
  String model;

  @Option(
      names = "--by",
      paramLabel = "NAME",
      description =
          "Who asks (a guardian needs it, or --via); the worker's approval policy says who may.")
  String by;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the trigger log.")
  String reason;

  @Option(names = "--native", description = "Fire the native Schedule tollgate-<model> instead.")
  boolean nativeSchedule;

  @Override
  protected int execute() {
    if (nativeSchedule) {
      NativeSchedules.run(connection, model, h -> h.trigger());
      out().println("Fired " + NativeSchedules.id(model) + " once");
      return ExitCodes.OK;
    }
    if (by == null && !vouched.used()) {
      throw new CliFailure(ExitCodes.USAGE, "--by NAME: say who asks for the run");
    }
    ActionIdentity who =
        ActionIdentity.of(
            vouched,
            by,
            PolicyAction.TRIGGER,
            Guardians.checkModel(model),
            new TriggerRequest(by, reason).detail());
    TriggerRequest request = new TriggerRequest(who.by(), reason, who.voucher());
    TriggerRecord answer;
    try {
      answer = Guardians.call(connection, model, g -> g.triggerNow(request));
    } catch (WorkflowUpdateException e) {
      throw new CliFailure(
          ExitCodes.NOT_DONE,
          "refused by guardian/"
              + model
              + ": "
              + Failures.describe(e.getCause() == null ? e : e.getCause()),
          e);
    }
    out().println(answer.describe());
    if (answer.decision() == TriggerRecord.Decision.STARTED) {
      out()
          .println(
              "Follow it: tollgate status "
                  + model
                  + "/"
                  + answer.runId()
                  + connection.flagsForCopy());
    }
    return answer.decision() == TriggerRecord.Decision.SKIPPED ? ExitCodes.NOT_DONE : ExitCodes.OK;
  }
}
