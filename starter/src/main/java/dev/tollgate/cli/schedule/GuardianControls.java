package dev.tollgate.cli.schedule;

import dev.tollgate.cli.approval.ActionIdentity;
import dev.tollgate.cli.approval.ActorOptions;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ConnectionOptions;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.cli.common.Failures;
import dev.tollgate.cli.common.ModelArgument;
import dev.tollgate.guardian.ActionRecord;
import dev.tollgate.guardian.GuardianControl;
import dev.tollgate.policy.PolicyAction;
import io.temporal.client.WorkflowUpdateException;

/**
 * {@code schedule pause|resume|disable} for a guardian: one {@code control} Update, which the
 * worker authorises by the model's approval policy; the answer (done, or refused and why) is
 * printed and kept in the guardian's action log.
 */
final class GuardianControls {
  private GuardianControls() {}

  /**
   * The guardian's answer when it did it; a refusal (by the policy, or the request's shape) is a
   * {@link CliFailure} with the reason (exit code 1).
   */
  static ActionRecord send(
      ConnectionOptions connection,
      ActorOptions actor,
      String model,
      PolicyAction action,
      String reason) {
    GuardianControl unsealed = new GuardianControl(action, actor.by(), reason, null, null);
    ActionIdentity who =
        ActionIdentity.of(actor, action, ModelArgument.check(model), unsealed.detail());
    GuardianControl request = new GuardianControl(action, who.by(), reason, null, who.voucher());
    ActionRecord answer;
    try {
      answer = Guardians.answered(connection, model, g -> g.control(request));
    } catch (WorkflowUpdateException e) {
      throw refused(model, Failures.describe(e.getCause() == null ? e : e.getCause()), e);
    }
    if (!answer.accepted()) throw refused(model, answer.note(), null);
    return answer;
  }

  private static CliFailure refused(String model, String why, Exception e) {
    return new CliFailure(ExitCodes.NOT_DONE, "refused by guardian/" + model + ": " + why, e);
  }
}
