package dev.tollgate.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.activities.artifacts.Json;
import dev.tollgate.spec.NotifySpec;
import dev.tollgate.stages.PipelineEvent;
import io.temporal.failure.ApplicationFailure;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WebhookSink against a local receiver that records bodies and answers as told. */
class WebhookSinkTest {
  private HttpServer server;
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
    return new PipelineEvent(
        PipelineEvent.Kind.FINISHED,
        "energy-load",
        "run-1",
        "pipeline/energy-load/run-1",
        "DEPLOYED energy-load v3",
        Map.of("outcome", "DEPLOYED", "version", "3", "rmse", "25.8"),
        new NotifySpec(null, null, List.of("failed"), url),
        7);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  @Test
  void postsTheDocumentedJsonForEveryEventWhateverNotifyOnSays() throws Exception {
    new WebhookSink().accept(event(url()));

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
  void aRateLimitWaitsForRetryAfter() {
    answers.add(new int[] {429, 12});
    assertThatThrownBy(() -> new WebhookSink().accept(event(url())))
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
    assertThatThrownBy(() -> new WebhookSink().accept(event(url() + "?token=secret")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageNotContaining("secret");
  }

  @Test
  void noWebhookNoRequest() {
    new WebhookSink().accept(event(null));
    new WebhookSink()
        .accept(new PipelineEvent(PipelineEvent.Kind.DECIDED, "m", "r", "w", "x", Map.of()));
    assertThat(bodies).isEmpty();
  }
}
