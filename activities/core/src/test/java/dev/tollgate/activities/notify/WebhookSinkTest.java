package dev.tollgate.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.activities.files.Json;
import dev.tollgate.activities.outbound.CountingServer;
import dev.tollgate.activities.outbound.OutboundHttp;
import dev.tollgate.activities.outbound.OutboundPolicy;
import dev.tollgate.spec.NotifySpec;
import dev.tollgate.stages.ApprovalDecided;
import dev.tollgate.stages.CancelSummary;
import dev.tollgate.stages.EventHeader;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.PipelineEvent;
import io.temporal.failure.ApplicationFailure;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WebhookSink against a local receiver that records bodies and answers as told. The receiver is on
 * 127.0.0.1, which a spec may reach only when the worker's allow-list names it: {@link #sink()}
 * names it, as an operator would for a receiver on the worker's own machine.
 */
class WebhookSinkTest {
  private static final OutboundHttp LOOPBACK_ALLOWED =
      new OutboundHttp(OutboundPolicy.of(List.of("127.0.0.1")));

  private HttpServer server;
  private final List<String> signatures = new ArrayList<>();
  private final List<String> bodies = new ArrayList<>();
  private final List<String> eventHeaders = new ArrayList<>();
  private final Deque<int[]> answers = new ArrayDeque<>(); // {status, retryAfter or -1}

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        x -> {
          int[] answer;
          synchronized (this) {
            bodies.add(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            eventHeaders.add(x.getRequestHeaders().getFirst("X-Tollgate-Event"));
            signatures.add(x.getRequestHeaders().getFirst("X-Tollgate-Signature"));
            answer = answers.isEmpty() ? new int[] {204, -1} : answers.poll();
          }
          if (answer[1] >= 0) x.getResponseHeaders().add("Retry-After", "" + answer[1]);
          x.sendResponseHeaders(answer[0], -1);
          try (OutputStream ignored = x.getResponseBody()) {
            // no body
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private PipelineEvent event(String url) {
    return TestEvents.finished(
        TestEvents.header(
            "energy-load",
            "run-1",
            "DEPLOYED energy-load v3",
            new NotifySpec(null, null, List.of("failed"), url),
            7),
        Outcome.DEPLOYED,
        3,
        Map.of("rmse", 25.8));
  }

  private static WebhookSink sink() {
    return new WebhookSink(LOOPBACK_ALLOWED, WebhookSignature.none());
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @Test
  void postsTheDocumentedJsonForEveryEventWhateverNotifyOnSays() throws Exception {
    sink().accept(event(url()));

    assertThat(bodies).hasSize(1);
    JsonNode body = Json.mapper().readTree(bodies.getFirst());
    assertThat(body.get("event").asText()).isEqualTo("deployed");
    assertThat(body.get("kind").asText()).isEqualTo("FINISHED");
    assertThat(body.get("model").asText()).isEqualTo("energy-load");
    assertThat(body.get("run_id").asText()).isEqualTo("run-1");
    assertThat(body.get("workflow_id").asText()).isEqualTo("pipeline/energy-load/run-1");
    assertThat(body.get("seq").asInt()).isEqualTo(7);
    assertThat(body.get("message").asText()).isEqualTo("DEPLOYED energy-load v3");
    assertThat(body.get("fields").get("rmse").asText()).isEqualTo("25.8");
    assertThat(body.size()).isEqualTo(8);
    assertThat(eventHeaders).containsExactly("run-1/7");
  }

  @Test
  void aCancelledRunIsPostedAsCancelledWithWhoAndWhy() throws Exception {
    sink()
        .accept(
            TestEvents.cancelled(
                TestEvents.header(
                    "energy-load",
                    "run-2",
                    "CANCELLED energy-load v4",
                    new NotifySpec(null, null, List.of("deployed"), url()),
                    5),
                new CancelSummary(
                    "alice", "wrong data window", "claim", "AWAITING_APPROVAL", null)));

    JsonNode body = Json.mapper().readTree(bodies.getFirst());
    assertThat(body.get("event").asText()).isEqualTo("cancelled");
    assertThat(body.get("fields").get("outcome").asText()).isEqualTo("CANCELLED");
    assertThat(body.get("fields").get("cancelled_by").asText()).isEqualTo("alice");
    assertThat(body.get("fields").get("cancel_reason").asText()).isEqualTo("wrong data window");
  }

  @Test
  void aRateLimitWaitsForRetryAfter() {
    answers.add(new int[] {429, 12});
    assertThatThrownBy(() -> sink().accept(event(url())))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> {
              assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(12));
              assertThat(f.isNonRetryable()).isFalse();
            });
  }

  @Test
  void anyOtherAnswerIsRetriedAndTheMessageHidesTheUrlsPath() {
    answers.add(new int[] {500, -1});
    assertThatThrownBy(() -> sink().accept(event(url() + "?token=secret")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageNotContaining("secret");
  }

  @Test
  void noWebhookNoRequest() {
    sink().accept(event(null));
    sink().accept(new ApprovalDecided(new EventHeader("m", "r", "w", "x"), "a", true, "", null));
    assertThat(bodies).isEmpty();
  }

  @Test
  void aSpecUrlOnLoopbackIsNotConnectedToUnlessTheWorkerAllowsIt() throws Exception {
    try (CountingServer receiver = CountingServer.answering(204, "");
        OutboundHttp defaults = new OutboundHttp(OutboundPolicy.defaults())) {
      WebhookSink sink = new WebhookSink(defaults, WebhookSignature.none());
      ApplicationFailure f =
          (ApplicationFailure) catchThrowable(() -> sink.accept(event(receiver.url("/hook?t=x"))));

      assertThat(f.isNonRetryable()).isTrue();
      assertThat(f.getType()).isEqualTo("TollgateNotifyRefused");
      assertThat(f.getOriginalMessage())
          .startsWith("notify.webhook.url: refused to connect to 127.0.0.1:" + receiver.port())
          .contains("loopback", "tollgate.outbound.allowed-hosts")
          .doesNotContain("t=x");
      assertThat(receiver.connections()).isZero();

      new WebhookSink(
              new OutboundHttp(OutboundPolicy.of(List.of("127.0.0.1:" + receiver.port()))),
              WebhookSignature.none())
          .accept(event(receiver.url("/hook")));
      assertThat(receiver.connections()).isEqualTo(1);
    }
  }

  @Test
  void theMetadataServiceAndPrivateAddressesAreRefusedBeforeAnyRequest() {
    WebhookSink named =
        new WebhookSink(
            new OutboundHttp(OutboundPolicy.of(List.of("169.254.169.254", "*"))),
            WebhookSignature.none());
    assertThatThrownBy(() -> named.accept(event("http://169.254.169.254/latest/meta-data/")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.isNonRetryable()).isTrue())
        .hasMessageContaining("notify.webhook.url: refused to connect to 169.254.169.254:80")
        .hasMessageContaining("link-local");
    assertThatThrownBy(() -> named.accept(event("http://10.0.0.5:8080/hook")))
        .hasMessageContaining("notify.webhook.url: refused to connect to 10.0.0.5:8080")
        .hasMessageContaining("a private address");
  }

  @Test
  void aRedirectIsNotFollowed() throws Exception {
    try (CountingServer elsewhere = CountingServer.answering(204, "");
        CountingServer receiver =
            new CountingServer(
                (r, out) ->
                    CountingServer.write(
                        out, 302, List.of("Location: " + elsewhere.url("/")), ""))) {
      assertThatThrownBy(() -> sink().accept(event(receiver.url("/hook"))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("HTTP 302 (a redirect, not followed");
      assertThat(elsewhere.connections()).isZero();
    }
  }

  @Test
  void withASecretEachDeliveryIsSignedOverTheTimeAndTheBodyAsDocumented() throws Exception {
    String secret = "whsec-test-0123456789abcdef";
    Clock at = Clock.fixed(Instant.ofEpochSecond(1_767_225_600L), ZoneOffset.UTC);
    WebhookSink signed = new WebhookSink(LOOPBACK_ALLOWED, WebhookSignature.withSecret(secret), at);

    signed.accept(event(url()));
    PipelineEvent other =
        TestEvents.finished(
            TestEvents.header(
                "energy-load",
                "run-1",
                "DEPLOYED energy-load v4",
                new NotifySpec(null, null, List.of(), url()),
                8),
            Outcome.DEPLOYED);
    signed.accept(other);

    for (int i = 0; i < 2; i++) {
      // docs/notifications.md: v1 = hex(HMAC-SHA256(secret, "<t>." + body))
      String header = signatures.get(i);
      assertThat(header).startsWith("t=1767225600,v1=");
      String t = header.substring(2, header.indexOf(','));
      String v1 = header.substring(header.indexOf("v1=") + 3);
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected =
          java.util.HexFormat.of()
              .formatHex(mac.doFinal((t + "." + bodies.get(i)).getBytes(StandardCharsets.UTF_8)));
      assertThat(v1).isEqualTo(expected);
    }
    assertThat(signatures.get(1))
        .as("another body, another signature")
        .isNotEqualTo(signatures.get(0));
    assertThat(
            WebhookSignature.withSecret(secret)
                .header(1_767_225_600L, "{}".getBytes(StandardCharsets.UTF_8)))
        .isNotEqualTo(
            WebhookSignature.withSecret(secret)
                .header(1_767_225_601L, "{}".getBytes(StandardCharsets.UTF_8)))
        .as("the time is signed too");
    assertThat(WebhookSignature.withSecret(secret).toString()).doesNotContain(secret);
  }

  @Test
  void withoutASecretNoSignatureHeaderIsSent() {
    sink().accept(event(url()));
    assertThat(signatures).containsExactly((String) null);
  }
}
