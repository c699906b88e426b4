package dev.tollgate.activities.notify;

import dev.tollgate.activities.artifacts.Json;
import dev.tollgate.stages.PipelineEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 *   "fields": { "outcome": "DEPLOYED", "version": "3", "rmse": "25.8", ... }  // all strings
 * }
 * }</pre>
 *
 * The header {@code X-Tollgate-Event} carries {@code <run_id>/<seq>}: delivery is at least once (a
 * POST whose answer was lost is sent again), so a receiver that must not act twice keys on it. A
 * 2xx answer delivers the event; 429 is retried after its {@code Retry-After}; anything else, and a
 * network error, is retried with the notify activity's backoff.
 */
public final class WebhookSink implements EventSink {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;

  public WebhookSink() {
    this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
  }

  public WebhookSink(HttpClient http) {
    this.http = http;
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
          e.fields());
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
    URI uri = URI.create(url.trim());
    // The URL may hold a secret (Slack's and others' webhook URLs do): messages name the host only.
    String where = "webhook at " + uri.getHost();
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "tollgate")
            .header("X-Tollgate-Event", e.runId() + "/" + e.seq())
            .POST(HttpRequest.BodyPublishers.ofString(Json.line(Body.of(e))))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException ex) {
      throw new UncheckedIOException(where + " unreachable: " + ex.getMessage(), ex);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted posting to the " + where, ex);
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) return;
    if (status == 429) {
      throw DeliveryFailures.rateLimited(
          where, response.headers().firstValue("Retry-After").orElse(null), null);
    }
    throw new IllegalStateException(where + " answered HTTP " + status);
  }
}
