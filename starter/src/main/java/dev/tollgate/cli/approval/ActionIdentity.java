package dev.tollgate.cli.approval;

import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.Voucher;
import dev.tollgate.worker.approvals.MtlsActionClient;

/**
 * Who does a production action ({@code rollback}, {@code models alias}, {@code schedule ...}): the
 * {@code --by} name, a claim; or, with {@code --via URL --identity FILE}, the name a worker read
 * from the client certificate, with its seal on exactly this action (what an approval policy with
 * {@code require_identity} accepts). The worker's policy decides either way, not the CLI.
 */
public record ActionIdentity(String by, Voucher voucher) {

  /**
   * @param detail what the seal must cover besides the action, model and name (the workflow
   *     computes the same from the request)
   */
  public static ActionIdentity of(
      ActorOptions actor, PolicyAction action, String model, String detail) {
    actor.check();
    if (!actor.used()) return new ActionIdentity(actor.by(), null);
    MtlsActionClient.Sealed sealed =
        actor.call(
            (via, identity, password) ->
                MtlsActionClient.seal(via, identity, password, action, model, detail),
            ExitCodes.NOT_DONE);
    return new ActionIdentity(sealed.by(), sealed.voucher());
  }
}
