package dev.tollgate.adapters.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.Payload;
import com.slack.api.webhook.WebhookResponse;
import dev.tollgate.activities.notify.DeliveryFailures;
import dev.tollgate.activities.notify.EventNames;
import dev.tollgate.activities.notify.EventSink;
import dev.tollgate.spec.NotifySpec;
import dev.tollgate.stages.PipelineEvent;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pipeline events to Slack. With a bot token: {@code chat.postMessage}, the run's first message as
 * the root of a thread that every later message of the run replies in, and Approve/Reject buttons.
 * Without one, an incoming webhook: the same messages, each on its own and without buttons (a
 * webhook cannot receive clicks).
 *
 * <p>An event is skipped, not failed, when Slack is not configured, when neither the spec ({@code
 * notify.slack.channel}) nor the worker ({@code TOLLGATE_SLACK_CHANNEL}) names a channel, and when
 * the spec's {@code notify.on} does not list it. Failures are thrown for the notify activity's
 * retry policy to handle ({@link SlackFailures}): nothing here retries or sleeps.
 */
public final class SlackSink implements EventSink {
  private static final Logger log = LoggerFactory.getLogger(SlackSink.class);

  private final SlackSettings settings;
  private final SlackThreads threads;
  private final SlackMessages messages;
  private final Slack slack;

  public SlackSink(SlackSettings settings, SlackThreads threads) {
    this.settings = settings;
    this.threads = threads;
    this.messages = new SlackMessages(settings.reportBaseUrl());
    this.slack = SlackClient.create(settings.apiUrl());
  }

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public void accept(PipelineEvent e) {
    String channel = channel(e.route());
    if (channel.isBlank() || !settings.configured()) return;
    if (e.route() != null && !e.route().wants(EventNames.of(e))) return;
    if (!settings.botToken().isBlank()) {
      postAsBot(e, channel);
    } else {
      postToWebhook(e);
    }
  }

  private String channel(NotifySpec route) {
    String named = route == null ? null : route.slackChannel();
    return named == null || named.isBlank() ? settings.channel() : named.trim();
  }

  private void postAsBot(PipelineEvent e, String channel) {
    SlackThreads.Root root = threads.root(e.workflowId());
    SlackMessage m = messages.render(e, true);
    // A reply goes where the root is: Slack answers the root with the channel's id, which is
    // what a thread_ts must be paired with.
    String to = root == null ? channel : root.channel();
    String where = "chat.postMessage to " + to;
    ChatPostMessageResponse r;
    try {
      r =
          slack
              .methods(settings.botToken())
              .chatPostMessage(
                  req -> {
                    req.channel(to).text(m.text()).blocks(m.blocks()).unfurlLinks(false);
                    if (root != null) req.threadTs(root.ts()).replyBroadcast(m.broadcast());
                    return req;
                  });
    } catch (SlackApiException ex) {
      throw SlackFailures.of(ex, where);
    } catch (IOException ex) {
      throw SlackFailures.of(ex, where);
    }
    if (!r.isOk()) throw SlackFailures.notOk(r.getError(), where);
    if (root == null) remember(e, r);
  }

  /**
   * The message is out: failing now would have the activity post it again, so a root that cannot be
   * recorded only costs the thread (later messages start their own) and a warning.
   */
  private void remember(PipelineEvent e, ChatPostMessageResponse r) {
    try {
      threads.remember(e.workflowId(), r.getChannel(), r.getTs());
    } catch (RuntimeException ex) {
      log.warn("Slack thread of run {} not recorded: {}", e.runId(), ex.getMessage());
    }
  }

  private void postToWebhook(PipelineEvent e) {
    SlackMessage m = messages.render(e, false);
    Payload payload =
        Payload.builder().text(m.text()).blocks(m.blocks()).unfurlLinks(false).build();
    String where = "the incoming webhook";
    WebhookResponse r;
    try {
      r = slack.send(settings.webhookUrl(), payload);
    } catch (IOException ex) {
      throw SlackFailures.of(ex, where);
    }
    int status = r.getCode() == null ? 0 : r.getCode();
    if (status == 200) return;
    if (status == 429) {
      throw DeliveryFailures.rateLimited("Slack " + where, header(r, "Retry-After"), null);
    }
    // 4xx: the webhook was removed (no_service), its channel archived, the payload refused
    if (status >= 400 && status < 500) {
      throw DeliveryFailures.refused(
          "Slack refused " + where + ": HTTP " + status + " " + r.getBody());
    }
    throw new IllegalStateException("Slack answered HTTP " + status + " to " + where);
  }

  /** OkHttp hands headers over with lower-case names. */
  private static String header(WebhookResponse r, String name) {
    if (r.getHeaders() == null) return null;
    for (Map.Entry<String, List<String>> h : r.getHeaders().entrySet()) {
      if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
        return h.getValue().get(0);
      }
    }
    return null;
  }
}
