package dev.tollgate.cli.schedule;

import dev.tollgate.cli.approval.ActionIdentity;
import dev.tollgate.cli.approval.ActorOptions;
import dev.tollgate.cli.common.CliCommand;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Failures;
import dev.tollgate.cli.common.ModelArgument;
import dev.tollgate.cli.common.Version;
import dev.tollgate.guardian.TriggerRecord;
import dev.tollgate.guardian.TriggerRequest;
import dev.tollgate.policy.PolicyAction;
import io.temporal.client.WorkflowUpdateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

  @Mixin ActorOptions actor = new ActorOptions();

  @Mixin ModelArgument model = new ModelArgument();

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the trigger log.")
  String reason;

  @Option(names = "--native", description = "Fire the native Schedule tollgate-<model> instead.")
  boolean nativeSchedule;

  @Override
  protected int execute() {
    if (nativeSchedule) {
      NativeSchedules.run(connection, model.name(), h -> h.trigger());
      out().println("Fired " + NativeSchedules.id(model.name()) + " once");
      return ExitCodes.OK;
    }
    if (actor.by() == null && !actor.used()) {
      throw new CliFailure(ExitCodes.USAGE, "--by NAME: say who asks for the run");
    }
    ActionIdentity who =
        ActionIdentity.of(
            actor,
            PolicyAction.TRIGGER,
            model.checked(),
            new TriggerRequest(actor.by(), reason).detail());
    TriggerRequest request = new TriggerRequest(who.by(), reason, who.voucher());
    TriggerRecord answer;
    try {
      answer = Guardians.call(connection, model.name(), g -> g.triggerNow(request));
    } catch (WorkflowUpdateException e) {
      throw new CliFailure(
          ExitCodes.NOT_DONE,
          "refused by guardian/"
              + model.name()
              + ": "
              + Failures.describe(e.getCause() == null ? e : e.getCause()),
          e);
    }
    out().println(answer.describe());
    if (answer.decision() == TriggerRecord.Decision.STARTED) {
      out()
          .println(
              "Follow it: tollgate status "
                  + model.name()
                  + "/"
                  + answer.runId()
                  + connection.flagsForCopy());
    }
    return answer.decision() == TriggerRecord.Decision.SKIPPED ? ExitCodes.NOT_DONE : ExitCodes.OK;
  }
}
