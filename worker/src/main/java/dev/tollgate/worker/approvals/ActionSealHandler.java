package dev.tollgate.worker.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dev.tollgate.policy.ActionSeal;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.Voucher;
import dev.tollgate.spec.PipelineSpec;
import java.io.IOException;
import java.io.OutputStream;
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
final class ActionSealHandler {
  private static final Logger log = LoggerFactory.getLogger(ActionSealHandler.class);

  /** Long enough for the CLI to send the action, short enough that a copied seal soon lapses. */
  static final Duration VALIDITY = Duration.ofMinutes(5);

  /** An action, a model and a detail (a digest, a reason): a few hundred bytes; never read more. */
  static final int MAX_BODY = 16 * 1024;

  private ActionSealHandler() {}

  static void handle(HttpExchange exchange, ApprovalKey key, ObjectMapper json) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        answer(exchange, json, 405, Map.of("error", "POST an action to /actions/seal"));
        return;
      }
      String cn = MtlsApprovalEndpoint.commonName((HttpsExchange) exchange);
      if (cn == null) {
        answer(exchange, json, 403, Map.of("error", "the client certificate names no CN"));
        return;
      }
      if (!key.present()) {
        answer(
            exchange,
            json,
            503,
            Map.of("error", "this worker has no approval key (TOLLGATE_APPROVAL_KEY)"));
        return;
      }
      JsonNode body;
      PolicyAction action;
      byte[] bytes = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        answer(exchange, json, 413, Map.of("error", "a request is at most " + MAX_BODY + " bytes"));
        return;
      }
      try {
        body = json.readTree(bytes);
        action = PolicyAction.valueOf(body.path("action").asText("").toUpperCase(Locale.ROOT));
      } catch (IOException | IllegalArgumentException e) {
        answer(
            exchange, json, 400, Map.of("error", "expected {\"action\", \"model\", \"detail\"}"));
        return;
      }
      String model = body.path("model").asText("");
      if (!PipelineSpec.MODEL_NAME.matcher(model).matches() || !body.has("detail")) {
        answer(
            exchange, json, 400, Map.of("error", "expected {\"action\", \"model\", \"detail\"}"));
        return;
      }
      String detail = body.path("detail").asText("");
      long expires = System.currentTimeMillis() + VALIDITY.toMillis();
      Voucher v = ActionSeal.vouch(key.seal(), action, model, detail, cn, "mtls", expires);
      log.info("sealed {} of {} for {} (mTLS)", action.value(), model, cn);
      answer(
          exchange,
          json,
          200,
          Map.of("by", cn, "channel", v.channel(), "expires_at", expires, "seal", v.seal()));
    }
  }

  private static void answer(HttpExchange exchange, ObjectMapper json, int status, Object body)
      throws IOException {
    byte[] bytes = json.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
