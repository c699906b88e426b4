package dev.tollgate.activities.notify;

import dev.tollgate.activities.files.Json;
import dev.tollgate.activities.outbound.HttpAnswer;
import dev.tollgate.activities.outbound.HttpCall;
import dev.tollgate.activities.outbound.OutboundHttp;
import dev.tollgate.activities.outbound.OutboundRefused;
import dev.tollgate.stages.PipelineEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Every event of a run to the spec's {@code notify.webhook} URL, for machines (chat-ops bots,
 * dashboards, an audit trail). Unlike Slack it is not filtered by {@code notify.on}: a webhook gets
 * the whole stream and picks what it wants.
 *
 * <p>Each event is one {@code POST} with {@code Content-Type: application/json} and this body:
 *
 * <pre>{@code
 * {
 *   "event": "deployed",                 // the notify.on name (NotifySpec.EVENTS)
 *   "kind": "FINISHED",                  // PipelineEvent.Kind
 *   "model": "energy-load",
 *   "run_id": "20261202-0200-a1b2",
 *   "workflow_id": "pipeline/energy-load/20261202-0200-a1b2",
 *   "seq": 7,                            // the event's number in its run (0: unnumbered)
 *   "message": "DEPLOYED energy-load v3 (rmse 25.8, r2 0.91)",
 *   "fields": { "outcome": "DEPLOYED", "version": "3", "rmse": "25.8", ... }  // EventFields: all strings
 * }
 * }</pre>
 *
 * The header {@code X-Tollgate-Event} carries {@code <run_id>/<seq>}: delivery is at least once (a
 * POST whose answer was lost is sent again), so a receiver that must not act twice keys on it. With
 * a webhook secret on the worker, {@value WebhookSignature#HEADER} signs the body and the time
 * ({@link WebhookSignature}). A 2xx answer delivers the event; 429 is retried after its {@code
 * Retry-After}; anything else, and a network error, is retried with the notify activity's backoff.
 * A redirect is not followed. Only the status is used: at most {@value #ANSWER_BYTES} bytes of the
 * answer are read.
 *
 * <p>The URL comes from the spec, so it goes through {@link OutboundHttp}: a host the worker's
 * allow-list does not open is never connected to, and the event is not delivered there (a
 * non-retryable failure naming {@value #KEY} and the host, which the run logs and counts without
 * changing its outcome).
 */
public final class WebhookSink implements EventSink {
  static final String KEY = "notify.webhook.url";
  static final int ANSWER_BYTES = 4096;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final OutboundHttp http;
  private final WebhookSignature signature;
  private final Clock clock;

  public WebhookSink(OutboundHttp http, WebhookSignature signature) {
    this(http, signature, Clock.systemUTC());
  }

  WebhookSink(OutboundHttp http, WebhookSignature signature, Clock clock) {
    this.http = http;
    this.signature = signature;
    this.clock = clock;
  }

  /** The body, field for field (snake_case through {@link Json}). */
  record Body(
      String event,
      String kind,
      String model,
      String runId,
      String workflowId,
      int seq,
      String message,
      Map<String, String> fields) {

    static Body of(PipelineEvent e) {
      return new Body(
          EventNames.of(e),
          e.kind().name(),
          e.model(),
          e.runId(),
          e.workflowId(),
          e.seq(),
          e.message(),
          EventFields.of(e));
    }
  }

  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public void accept(PipelineEvent e) {
    String url = e.route() == null ? null : e.route().webhookUrl();
    if (url == null || url.isBlank()) return;
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException notAUrl) {
      throw DeliveryFailures.refused(KEY + ": not a URL");
    }
    // The URL may hold a secret (Slack's and others' webhook URLs do): messages name the host only.
    String where = "webhook at " + uri.getHost();
    byte[] body = Json.line(Body.of(e)).getBytes(StandardCharsets.UTF_8);
    HttpCall call =
        HttpCall.send("POST", uri, "application/json", body, TIMEOUT, ANSWER_BYTES)
            .header("X-Tollgate-Event", e.runId() + "/" + e.seq());
    String signed = signature.header(clock.instant().getEpochSecond(), body);
    if (signed != null) call = call.header(WebhookSignature.HEADER, signed);
    HttpAnswer answer;
    try {
      answer = http.send(KEY, call);
    } catch (OutboundRefused refused) {
      throw DeliveryFailures.refused(refused.getMessage()); // the same answer on every retry
    } catch (IOException ex) {
      throw new UncheckedIOException(where + " unreachable: " + ex.getMessage(), ex);
    }
    int status = answer.status();
    if (answer.ok()) return;
    if (status == 429) {
      throw DeliveryFailures.rateLimited(where, answer.header("Retry-After"), null);
    }
    if (status >= 300 && status < 400) {
      throw new IllegalStateException(
          where + " answered HTTP " + status + " (a redirect, not followed: give the final URL)");
    }
    throw new IllegalStateException(where + " answered HTTP " + status);
  }
}
