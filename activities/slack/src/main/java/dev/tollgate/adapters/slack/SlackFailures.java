package dev.tollgate.adapters.slack;

import com.slack.api.methods.SlackApiException;
import dev.tollgate.activities.notify.DeliveryFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * What a failed Slack call means for the retry policy. HTTP 429 waits for Retry-After; a 5xx, a
 * network error or an unknown {@code ok:false} error is retried with backoff; the errors below are
 * a configuration problem (wrong channel, app not invited, token revoked), which no retry cures:
 * they fail at once, naming the error, the channel and what to fix.
 */
final class SlackFailures {
  /** Slack's permanent {@code chat.postMessage} errors, with the fix people should make. */
  private static final Map<String, String> PERMANENT =
      Map.ofEntries(
          Map.entry("channel_not_found", "check notify.slack.channel or TOLLGATE_SLACK_CHANNEL"),
          Map.entry(
              "not_in_channel", "invite the app to the channel, or give it chat:write.public"),
          Map.entry("is_archived", "the channel is archived: name another one"),
          Map.entry("invalid_auth", "check SLACK_BOT_TOKEN"),
          Map.entry("not_authed", "set SLACK_BOT_TOKEN"),
          Map.entry("account_inactive", "the app's token belongs to a deactivated account"),
          Map.entry("token_revoked", "reinstall the app and update SLACK_BOT_TOKEN"),
          Map.entry("token_expired", "reinstall the app and update SLACK_BOT_TOKEN"),
          Map.entry("missing_scope", "add the chat:write scope and reinstall the app"),
          Map.entry("no_permission", "the workspace does not allow the app to post there"),
          Map.entry("restricted_action", "the workspace does not allow the app to post there"),
          Map.entry("ekm_access_denied", "the workspace's key management refuses the message"),
          Map.entry("invalid_blocks", "a Tollgate bug: the message's blocks were refused"),
          Map.entry("invalid_blocks_format", "a Tollgate bug: the message's blocks were refused"),
          Map.entry("msg_too_long", "a Tollgate bug: the message is too long"));

  private SlackFailures() {}

  static RuntimeException of(SlackApiException e, String where) {
    int status = e.getResponse().code();
    if (status == 429) {
      return DeliveryFailures.rateLimited(
          "Slack " + where, e.getResponse().header("Retry-After"), e);
    }
    return new IllegalStateException("Slack answered HTTP " + status + " to " + where, e);
  }

  static RuntimeException of(IOException e, String where) {
    return new UncheckedIOException("Slack unreachable for " + where + ": " + e.getMessage(), e);
  }

  /** An {@code ok:false} answer to a call that reached Slack. */
  static RuntimeException notOk(String error, String where) {
    String fix = PERMANENT.get(error);
    if (fix != null) {
      return DeliveryFailures.refused("Slack refused " + where + ": " + error + " (" + fix + ")");
    }
    if ("ratelimited".equals(error))
      return DeliveryFailures.rateLimited("Slack " + where, null, null);
    return new IllegalStateException("Slack could not do " + where + ": " + error);
  }
}
