package dev.tollgate.spec;

import java.util.List;
import java.util.Map;

/**
 * Where people hear about a run. Secrets (Slack token, webhook signing) come from the environment,
 * never from the spec.
 *
 * @param slackChannel {@code null} when the spec has no Slack section
 * @param slackApprovers Slack user id to approver name, for approvals from Slack's buttons
 * @param on the events to send ({@link #EVENTS}); empty = all of them
 * @param webhookUrl a URL that gets every event as JSON (POST), or {@code null}
 */
public record NotifySpec(
    String slackChannel, Map<String, String> slackApprovers, List<String> on, String webhookUrl) {

  /** The event names of {@code notify.on}. */
  public static final List<String> EVENTS =
      List.of(
          "run_started",
          "approval_requested",
          "reminder",
          "escalated",
          "decided",
          "validation_failed",
          "validated",
          "deployed",
          "rolled_back",
          "failed",
          "rejected",
          "timed_out",
          "cancelled");

  public NotifySpec {
    slackApprovers = slackApprovers == null ? Map.of() : Map.copyOf(slackApprovers);
    on = on == null ? List.of() : List.copyOf(on);
  }

  /** Slack's channel only: the shape before approvals from Slack, event filters and webhooks. */
  public NotifySpec(String slackChannel) {
    this(slackChannel, null, null, null);
  }

  public boolean wants(String event) {
    return on.isEmpty() || on.contains(event);
  }

  /** The webhook's scheme and host only: its path or query may carry a token (Slack's do). */
  @Override
  public String toString() {
    return "NotifySpec[slackChannel="
        + slackChannel
        + ", slackApprovers="
        + slackApprovers
        + ", on="
        + on
        + ", webhookUrl="
        + (webhookUrl == null ? null : hostOnly(webhookUrl))
        + "]";
  }

  private static String hostOnly(String url) {
    int start = url.indexOf("://");
    if (start < 0) return "***";
    int end = url.indexOf('/', start + 3);
    String authority = url.substring(start + 3, end < 0 ? url.length() : end);
    String host = authority.substring(authority.lastIndexOf('@') + 1); // no user:password@
    return url.substring(0, start + 3) + host + "/***";
  }
}
