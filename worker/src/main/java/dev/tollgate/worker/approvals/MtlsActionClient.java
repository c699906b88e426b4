package dev.tollgate.worker.approvals;

import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.Voucher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The caller's side of {@code POST /actions/seal} ({@link ActionSealServlet}): asks a worker, with
 * the person's client certificate, to vouch for an action ({@code tollgate rollback --via URL
 * --identity you.p12}). The answer is the name the certificate proved and the seal to send with the
 * action through Temporal.
 */
public final class MtlsActionClient {
  /** The name the worker verified, and its seal on the action. */
  public record Sealed(String by, Voucher voucher) {}

  private MtlsActionClient() {}

  /**
   * @throws IllegalArgumentException when the identity file cannot be read (naming it), or the
   *     worker refuses (its reason and HTTP status)
   * @throws IOException when the endpoint cannot be reached or refuses the handshake
   */
  public static Sealed seal(
      URI endpoint,
      Path identity,
      char[] password,
      PolicyAction action,
      String model,
      String detail)
      throws IOException, InterruptedException {
    Map<String, String> body = Map.of("action", action.value(), "model", model, "detail", detail);
    MtlsPost.Reply reply = MtlsPost.send(endpoint, "/actions/seal", identity, password, body);
    if (reply.body() == null) {
      throw new IllegalArgumentException(endpoint + " is not a Tollgate approval endpoint");
    }
    if (reply.status() != 200) {
      throw new IllegalArgumentException(reply.error() + " (HTTP " + reply.status() + ")");
    }
    return new Sealed(
        reply.body().path("by").asText(),
        new Voucher(
            reply.body().path("channel").asText(),
            reply.body().path("expires_at").asLong(),
            reply.body().path("seal").asText()));
  }
}
