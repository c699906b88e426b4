package dev.tollgate.cli;

import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.Voucher;
import dev.tollgate.worker.approvals.MtlsActionClient;
import java.io.IOException;

/**
 * Who does a production action ({@code rollback}, {@code models alias}, {@code schedule ...}): the
 * {@code --by} name, a claim; or, with {@code --via URL --identity FILE}, the name a worker read
 * from the client certificate, with its seal on exactly this action (what an approval policy with
 * {@code require_identity} accepts). The worker's policy decides either way, not the CLI.
 */
record ActionIdentity(String by, Voucher voucher) {

  /**
   * @param detail what the seal must cover besides the action, model and name (the workflow
   *     computes the same from the request)
   */
  static ActionIdentity of(
      VouchedOptions vouched, String by, PolicyAction action, String model, String detail) {
    vouched.check(by);
    if (!vouched.used()) return new ActionIdentity(by, null);
    try {
      MtlsActionClient.Sealed sealed =
          MtlsActionClient.seal(
              vouched.via, vouched.identity, vouched.password(), action, model, detail);
      return new ActionIdentity(sealed.by(), sealed.voucher());
    } catch (IllegalArgumentException e) {
      throw new CliFailure(ExitCodes.NOT_DONE, e.getMessage(), e);
    } catch (IOException e) {
      throw new CliFailure(
          ExitCodes.UNREACHABLE,
          "cannot reach the approval endpoint "
              + vouched.via
              + " (or it refused your certificate in the handshake): "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliFailure(ExitCodes.NOT_DONE, "interrupted", e);
    }
  }
}
