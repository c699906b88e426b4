package dev.tollgate.worker.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.tollgate.activities.notify.slack.SlackClient;
import dev.tollgate.activities.notify.slack.SlackSettings;
import dev.tollgate.pipeline.DecisionSeal;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt for Java's {@link App} behind {@code POST /slack/interactions}: Bolt verifies each request
 * (the v0 HMAC of {@code v0:timestamp:body} with the signing secret, and a timestamp at most five
 * minutes old) before any handler runs, and answers 401 otherwise. Without a signing secret there
 * is no App at all: every request is refused, none is ever run unverified.
 */
public final class SlackInteractions {
  private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);

  private final App app;
  private final SlackRequestParser parser;

  private SlackInteractions(App app) {
    this.app = app;
    this.parser = app == null ? null : new SlackRequestParser(app.config());
  }

  /** The App for these settings, or the refusing endpoint when there is no signing secret. */
  public static SlackInteractions create(SlackSettings slack, WorkflowClient temporal) {
    return create(slack, temporal, null);
  }

  /**
   * {@code seal}: the deployment's approval key; with it, decisions from Slack are vouched for (the
   * Slack user is authenticated by Slack's signature). {@code null}: sent as claims.
   */
  public static SlackInteractions create(
      SlackSettings slack, WorkflowClient temporal, DecisionSeal seal) {
    if (slack.signingSecret().isBlank()) {
      log.info(
          "Slack buttons are off: /slack/interactions refuses every request until"
              + " SLACK_SIGNING_SECRET is set");
      return new SlackInteractions(null);
    }
    if (slack.botToken().isBlank()) {
      log.warn(
          "SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not: clicks are verified, but"
              + " Tollgate cannot look users up, answer them or update the message");
    }
    AppConfig appConfig =
        AppConfig.builder()
            .signingSecret(slack.signingSecret())
            .singleTeamBotToken(slack.botToken().isBlank() ? null : slack.botToken())
            .slack(SlackClient.create(slack.apiUrl()))
            .build();
    App app = new App(appConfig);
    new ApprovalActions(temporal, seal).register(app);
    return new SlackInteractions(app);
  }

  public boolean enabled() {
    return app != null;
  }

  /** Runs one HTTP request through Bolt: verification, then the handler its payload routes to. */
  public Response handle(
      String uri, String body, Map<String, List<String>> headers, String remoteAddress)
      throws Exception {
    if (app == null) {
      log.warn(
          "Refused a request to {} from {}: SLACK_SIGNING_SECRET is not set, so it cannot be"
              + " verified",
          uri,
          remoteAddress);
      return Response.json(503, "{\"error\":\"Slack interactivity is not configured\"}");
    }
    Request<?> request =
        parser.parse(
            SlackRequestParser.HttpRequest.builder()
                .requestUri(uri)
                .requestBody(body)
                .headers(new RequestHeaders(headers))
                .remoteAddress(remoteAddress)
                .build());
    if (request == null) {
      return Response.json(400, "{\"error\":\"not a Slack interaction\"}");
    }
    return app.run(request);
  }
}
