package dev.tollgate.worker.slack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A request as Slack sends it to the Interactivity URL: {@code payload=<url-encoded JSON>}, signed
 * {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}. Computed here by hand, not
 * with Bolt's generator, so the test checks Bolt against Slack's documented scheme.
 */
record SignedInteraction(String body, String timestamp, String signature) {

  static SignedInteraction of(String secret, String payloadJson) {
    return at(secret, payloadJson, Instant.now());
  }

  static SignedInteraction at(String secret, String payloadJson, Instant when) {
    String body = "payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8);
    String ts = Long.toString(when.getEpochSecond());
    return new SignedInteraction(body, ts, sign(secret, ts, body));
  }

  static String sign(String secret, String ts, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(("v0:" + ts + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  SignedInteraction withSignature(String other) {
    return new SignedInteraction(body, timestamp, other);
  }

  /** A click on one of the approval message's buttons, as Slack's block_actions payload. */
  static String click(String actionId, String workflowId, String slackUser) {
    return """
        {"type":"block_actions","api_app_id":"A0APP","token":"legacy",
         "team":{"id":"T0TEAM","domain":"tollgate"},
         "user":{"id":"%3$s","username":"someone","team_id":"T0TEAM"},
         "container":{"type":"message","message_ts":"1700000000.000100","channel_id":"C0ML","is_ephemeral":false},
         "trigger_id":"1111.2222.trigger",
         "channel":{"id":"C0ML","name":"ml-deploys"},
         "message":{"type":"message","ts":"1700000000.000100","text":"energy-load v1 awaits approval",
           "blocks":[
             {"type":"header","block_id":"title","text":{"type":"plain_text","text":"Approval needed: energy-load v1"}},
             {"type":"section","block_id":"head","text":{"type":"mrkdwn","text":"*energy-load v1* awaits approval"}},
             {"type":"actions","block_id":"decide","elements":[
               {"type":"button","action_id":"tollgate_approve","text":{"type":"plain_text","text":"Approve"},"value":"%2$s"},
               {"type":"button","action_id":"tollgate_reject","text":{"type":"plain_text","text":"Reject"},"value":"%2$s"}]}]},
         "response_url":"https://hooks.slack.invalid/actions/T0TEAM/1/abc",
         "actions":[{"type":"button","action_id":"%1$s","block_id":"decide","value":"%2$s",
           "text":{"type":"plain_text","text":"Click"},"action_ts":"1700000001.000300"}]}
        """
        .formatted(actionId, workflowId, slackUser);
  }

  /** The reason modal submitted, with the private metadata the modal was opened with. */
  static String reasonSubmitted(String privateMetadataJson, String slackUser, String reason) {
    com.google.gson.Gson gson = new com.google.gson.Gson();
    String metadata = gson.toJson(privateMetadataJson);
    String typed = gson.toJson(reason);
    return """
        {"type":"view_submission","api_app_id":"A0APP","token":"legacy",
         "team":{"id":"T0TEAM","domain":"tollgate"},
         "user":{"id":"%s","username":"someone","team_id":"T0TEAM"},
         "trigger_id":"3333.4444.trigger",
         "view":{"id":"V0MODAL","type":"modal","callback_id":"tollgate_reject_reason",
           "private_metadata":%s,
           "state":{"values":{"reason":{"reason":{"type":"plain_text_input","value":%s}}}}}}
        """
        .formatted(slackUser, metadata, typed);
  }
}
