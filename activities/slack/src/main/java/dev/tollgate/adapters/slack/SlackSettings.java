package dev.tollgate.adapters.slack;

/**
 * How the worker reaches Slack; secrets come from its environment only, never from a spec or a
 * payload.
 *
 * @param botToken {@code xoxb-...}: chat.postMessage, threads, buttons; blank = no Web API
 * @param webhookUrl an incoming webhook, used when there is no bot token (no threads, no buttons)
 * @param signingSecret verifies requests from Slack to the worker's interactivity endpoint
 * @param apiUrl the Web API's URL prefix ({@code https://slack.com/api/}; tests: a local stand-in)
 * @param channel where runs whose spec names no {@code notify.slack.channel} are announced; blank =
 *     only runs that name one
 * @param reportBaseUrl where people open the HTML reports (the worker's {@code /reports/}); blank =
 *     the report's own URI
 */
public record SlackSettings(
    String botToken,
    String webhookUrl,
    String signingSecret,
    String apiUrl,
    String channel,
    String reportBaseUrl) {

  public SlackSettings {
    botToken = blankIfNull(botToken);
    webhookUrl = blankIfNull(webhookUrl);
    signingSecret = blankIfNull(signingSecret);
    apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://slack.com/api/" : withSlash(apiUrl);
    channel = blankIfNull(channel);
    reportBaseUrl = blankIfNull(reportBaseUrl);
  }

  /** Whether any way of posting to Slack is configured. */
  public boolean configured() {
    return !botToken.isBlank() || !webhookUrl.isBlank();
  }

  /** Which secrets are set, never their values. */
  @Override
  public String toString() {
    return "SlackSettings[botToken="
        + hidden(botToken)
        + ", webhookUrl="
        + hidden(webhookUrl)
        + ", signingSecret="
        + hidden(signingSecret)
        + ", apiUrl="
        + apiUrl
        + ", channel="
        + channel
        + ", reportBaseUrl="
        + reportBaseUrl
        + "]";
  }

  private static String hidden(String secret) {
    return secret.isEmpty() ? "" : "***";
  }

  private static String blankIfNull(String s) {
    return s == null ? "" : s.trim();
  }

  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }
}
