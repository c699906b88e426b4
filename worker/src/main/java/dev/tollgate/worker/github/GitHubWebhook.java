package dev.tollgate.worker.github;

import dev.tollgate.activities.Echo;
import dev.tollgate.github.GitHubDelivery;
import dev.tollgate.worker.web.RefusedRequestLog;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code POST /github/webhook} answers, in the order that costs least and trusts nothing
 * early: off (503) and too large (413) before the body is read; then the signature over the raw
 * bytes (401), before any header or byte of the body is looked at; then the delivery id and event
 * (400 when missing), {@code ping} (200), an event not configured (202, ignored), the payload (400
 * when it is not the event's JSON), a branch or action not configured (202, ignored), and only then
 * the record of the delivery (202; 200 for a redelivery, which starts nothing; 503 when Temporal
 * cannot take it, so GitHub's delivery shows the failure and can be redelivered).
 */
final class GitHubWebhook {
  record Answer(int status, String body) {}

  private static final Logger log = LoggerFactory.getLogger(GitHubWebhook.class);
  private static final Pattern DELIVERY = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final GitHubProperties settings;
  private final GitHubSignature signature;
  private final WebhookPayloads payloads;
  private final DeliveryRecorder recorder;
  private final MeterRegistry meters;
  private final RefusedRequestLog refusals;

  GitHubWebhook(
      GitHubProperties settings, DeliveryRecorder recorder, MeterRegistry meters, Clock clock) {
    this.settings = settings;
    // off, there is no secret to key a MAC with (and nothing is checked)
    this.signature = settings.enabled() ? new GitHubSignature(settings.webhookSecret()) : null;
    this.payloads = new WebhookPayloads(settings);
    this.recorder = recorder;
    this.meters = meters;
    this.refusals = new RefusedRequestLog(clock, GitHubWebhook.class, "/github/webhook");
  }

  boolean enabled() {
    return settings.enabled();
  }

  long maxPayload() {
    return settings.maxPayload().toBytes();
  }

  Answer off(String remote) {
    return refuse(503, "the GitHub webhook is off (tollgate.github.enabled)", remote);
  }

  Answer tooLarge(String remote) {
    return refuse(413, "the payload is over tollgate.github.max-payload", remote);
  }

  Answer handle(String event, String deliveryId, String signed, byte[] body, String remote) {
    if (signature == null) return off(remote);
    GitHubSignature.Verdict verdict = signature.check(signed, body);
    if (verdict != GitHubSignature.Verdict.VALID) {
      refusals.refused(401, "signature " + verdict, remote);
      count("unsigned");
      return new Answer(401, "not signed with this webhook's secret");
    }
    if (deliveryId == null || !DELIVERY.matcher(deliveryId.strip()).matches()) {
      return refuse(400, "no X-GitHub-Delivery id", remote);
    }
    String id = deliveryId.strip();
    if (event == null || event.isBlank()) return refuse(400, "no X-GitHub-Event", remote);
    if (event.equals("ping")) {
      log.info("GitHub webhook ping, delivery {}", id);
      count("ping");
      return new Answer(200, "pong");
    }
    if (!settings.events().contains(event)) {
      return ignored(
          id, "event " + Echo.value(event) + " is not configured (tollgate.github.events)");
    }
    WebhookPayloads.Read read;
    try {
      read = payloads.read(event, id, body);
    } catch (WebhookPayloads.Malformed e) {
      return refuse(400, e.getMessage(), remote);
    }
    if (read.delivery() == null) return ignored(id, read.ignored());
    return record(read.delivery());
  }

  private Answer record(GitHubDelivery delivery) {
    boolean started;
    try {
      started = recorder.record(delivery);
    } catch (DeliveryRecorder.Unavailable e) {
      log.warn(
          "GitHub delivery {} not recorded: Temporal did not take it", delivery.deliveryId(), e);
      count("unavailable");
      return new Answer(503, "Tollgate could not record the delivery now; redeliver it later");
    }
    if (!started) {
      log.info("GitHub delivery {} was recorded before: nothing started", delivery.deliveryId());
      count("duplicate");
      return new Answer(
          200, "already recorded: " + GitHubDelivery.workflowId(delivery.deliveryId()));
    }
    log.info(
        "GitHub delivery {} recorded: {} {} {} at {}, specs {}",
        delivery.deliveryId(),
        delivery.event(),
        Echo.value(delivery.repository()),
        Echo.value(delivery.ref()),
        delivery.sha(),
        Echo.names(delivery.affectedSpecs()));
    count("accepted");
    return new Answer(202, "recorded as " + GitHubDelivery.workflowId(delivery.deliveryId()));
  }

  private Answer ignored(String id, String why) {
    log.info("GitHub delivery {} ignored: {}", id, why);
    count("ignored");
    return new Answer(202, "ignored: " + why);
  }

  private Answer refuse(int status, String why, String remote) {
    refusals.refused(status, why, remote);
    count(status == 503 ? "off" : status == 413 ? "too_large" : "malformed");
    return new Answer(status, why);
  }

  private void count(String outcome) {
    meters.counter("tollgate.github.deliveries", "outcome", outcome).increment();
  }
}
