package dev.tollgate.worker.approvals;

import static dev.tollgate.worker.approvals.EndpointExchange.answer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.actions.ActionSeal;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.Voucher;
import dev.tollgate.spec.PipelineSpec;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /actions/seal} on the mTLS approval endpoint: the worker's word that the holder of
 * the client certificate (its CN) asks for one production action — {@code {"action": "rollback",
 * "model": "energy-load", "detail": "to=v2 run=rollback-ab12"}}. Answers {@code {"by", "channel",
 * "expires_at", "seal"}} for the CLI to send with the action through Temporal; the seal covers the
 * action, the model, the detail, the name and an expiry {@link #VALIDITY} away, so it cannot be
 * used for anything else. Whether the person may do it is not decided here: the workflow that
 * receives the action asks the worker's approval policy.
 */
final class ActionSealServlet extends HttpServlet {
  private static final Logger log = LoggerFactory.getLogger(ActionSealServlet.class);

  /** Long enough for the CLI to send the action, short enough that a copied seal soon lapses. */
  static final Duration VALIDITY = Duration.ofMinutes(5);

  private static final Map<String, String> EXPECTED =
      Map.of("error", "expected {\"action\", \"model\", \"detail\"}");

  private final transient ApprovalKey key;

  ActionSealServlet(ApprovalKey key) {
    this.key = key;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    EndpointExchange.Admitted admitted =
        EndpointExchange.admit(request, response, key, "POST an action to /actions/seal");
    if (admitted == null) return;
    String cn = admitted.approver();
    JsonNode body;
    PolicyAction action;
    try {
      body = EndpointExchange.JSON.readTree(admitted.body());
      action = PolicyAction.valueOf(body.path("action").asText("").toUpperCase(Locale.ROOT));
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      answer(response, 400, EXPECTED);
      return;
    }
    String model = body.path("model").asText("");
    if (!PipelineSpec.MODEL_NAME.matcher(model).matches() || !body.has("detail")) {
      answer(response, 400, EXPECTED);
      return;
    }
    String detail = body.path("detail").asText("");
    long expires = System.currentTimeMillis() + VALIDITY.toMillis();
    Voucher v = ActionSeal.vouch(key.seal(), action, model, detail, cn, "mtls", expires);
    log.info("sealed {} of {} for {} (mTLS)", action.value(), model, cn);
    answer(
        response,
        200,
        Map.of("by", cn, "channel", v.channel(), "expires_at", expires, "seal", v.seal()));
  }
}
