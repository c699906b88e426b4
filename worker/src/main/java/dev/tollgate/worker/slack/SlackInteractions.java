package dev.tollgate.worker.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.tollgate.adapters.slack.SlackClient;
import dev.tollgate.adapters.slack.SlackSettings;
import dev.tollgate.pipeline.DecisionSeal;
import dev.tollgate.worker.web.RefusedRequestLog;
import io.temporal.client.WorkflowClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/interactions}, in this order: Slack's signature on the raw bytes ({@link
 * SlackSignature}: 401), then the payload parsed and checked to be a click Tollgate handles ({@link
 * SlackPayloads}: 400), then Bolt for Java's {@link App}, which verifies again and routes it to
 * {@link ApprovalActions}. Nothing is parsed before the signature holds, and a refusal is one
 * rate-limited WARN line, never a stack trace. Without a signing secret there is no App at all:
 * every request is refused (503) unread.
 */
public final class SlackInteractions {
  private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);
  private static final byte[] PAYLOAD = "payload=".getBytes(StandardCharsets.US_ASCII);

  private final App app;
  private final SlackRequestParser parser;
  private final SlackSignature signature;
  private final long maxBody;
  private final RefusedRequestLog refusals =
      new RefusedRequestLog(Clock.systemUTC(), SlackInteractions.class, "/slack/interactions");

  private SlackInteractions(App app, SlackSignature signature, long maxBody) {
    this.app = app;
    this.parser = app == null ? null : new SlackRequestParser(app.config());
    this.signature = signature;
    this.maxBody = maxBody;
  }

  /**
   * {@code seal}: the deployment's approval key; with it, decisions from Slack are vouched for (the
   * Slack user is authenticated by Slack's signature and users.info). {@code null}: sent as claims.
   * {@code endpoint}: who may decide, and the body cap.
   */
  public static SlackInteractions create(
      SlackSettings slack,
      SlackEndpointProperties endpoint,
      WorkflowClient temporal,
      DecisionSeal seal) {
    long maxBody = endpoint.maxBody().toBytes();
    if (slack.signingSecret().isBlank()) {
      log.info(
          "Slack buttons are off: /slack/interactions refuses every request until"
              + " SLACK_SIGNING_SECRET is set");
      return new SlackInteractions(null, null, maxBody);
    }
    if (slack.botToken().isBlank()) {
      log.warn(
          "SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not: clicks are verified, but"
              + " Tollgate cannot look users up, so nobody can decide from Slack");
    }
    AppConfig appConfig =
        AppConfig.builder()
            .signingSecret(slack.signingSecret())
            .singleTeamBotToken(slack.botToken().isBlank() ? null : slack.botToken())
            .slack(SlackClient.create(slack.apiUrl()))
            .build();
    App app = new App(appConfig);
    new ApprovalActions(temporal, seal, new SlackApprovers(endpoint)).register(app);
    return new SlackInteractions(
        app, new SlackSignature(slack.signingSecret(), Clock.systemUTC()), maxBody);
  }

  public boolean enabled() {
    return app != null;
  }

  /** The largest body the endpoint reads, in bytes. */
  public long maxBody() {
    return maxBody;
  }

  /** Slack is off: refused before a byte of the body is read. */
  public Response off(String remoteAddress) {
    refusals.refused(
        503, "SLACK_SIGNING_SECRET is not set, so it cannot be verified", remoteAddress);
    return text(503, "Slack interactivity is not configured on this worker");
  }

  /** The body is over {@link #maxBody()}: refused without reading the rest. */
  public Response tooLarge(String remoteAddress) {
    refusals.refused(413, "body over " + maxBody + " bytes", remoteAddress);
    return text(413, "request body too large");
  }

  /** Verifies, checks and runs one request; never throws, never answers with exception text. */
  public Response handle(
      String uri, byte[] body, Map<String, List<String>> headers, String remoteAddress) {
    if (app == null) return off(remoteAddress);
    RequestHeaders h = new RequestHeaders(headers);
    SlackSignature.Verdict verdict =
        signature.check(
            h.getFirstValue("X-Slack-Request-Timestamp"),
            h.getFirstValue("X-Slack-Signature"),
            body);
    if (verdict != SlackSignature.Verdict.VALID) {
      refusals.refused(
          401, "not signed by Slack: " + verdict.name().toLowerCase(Locale.ROOT), remoteAddress);
      return text(401, "invalid or missing Slack signature");
    }
    Request<?> request = parse(uri, body, h, remoteAddress);
    if (!SlackPayloads.handled(request)) {
      refusals.refused(400, "a signed payload Tollgate does not handle", remoteAddress);
      return text(400, "not a Slack interaction Tollgate handles");
    }
    try {
      return app.run(request);
    } catch (Exception e) {
      String ref = ErrorRef.next();
      log.error("Slack interaction failed (error {})", ref, e);
      return text(500, "Tollgate could not handle the request (error " + ref + ")");
    }
  }

  /** Bolt's request for a verified body, or null when it is not {@code payload=<JSON>}. */
  private Request<?> parse(String uri, byte[] body, RequestHeaders headers, String remoteAddress) {
    // Slack posts every interaction as payload=<JSON>; Bolt's parser would log any other body
    // whole.
    if (!startsWith(body, PAYLOAD)) return null;
    try {
      return parser.parse(
          SlackRequestParser.HttpRequest.builder()
              .requestUri(uri)
              .requestBody(new String(body, StandardCharsets.UTF_8))
              .headers(headers)
              .remoteAddress(remoteAddress)
              .build());
    } catch (RuntimeException malformedJson) {
      return null;
    }
  }

  private static boolean startsWith(byte[] body, byte[] prefix) {
    return body.length >= prefix.length
        && Arrays.equals(body, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static Response text(int status, String text) {
    return Response.builder()
        .statusCode(status)
        .contentType("text/plain; charset=utf-8")
        .body(text)
        .build();
  }
}
