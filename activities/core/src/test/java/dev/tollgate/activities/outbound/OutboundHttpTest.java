package dev.tollgate.activities.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The one client for spec URLs against servers on 127.0.0.1 that count connections: a refused URL
 * is never connected to, a name re-resolved to loopback at connection time is refused there, a
 * redirect is not followed, and an endless answer is read only up to its bound.
 */
class OutboundHttpTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static HttpCall post(String url) {
    return HttpCall.send(
        "POST",
        URI.create(url),
        "application/json",
        "{}".getBytes(StandardCharsets.UTF_8),
        TIMEOUT,
        1024);
  }

  @Test
  void aLoopbackUrlIsRefusedWithoutAConnectionUnlessTheHostIsListed() throws Exception {
    try (CountingServer server = CountingServer.answering(200, "ok");
        OutboundHttp denied = new OutboundHttp(OutboundPolicy.defaults());
        OutboundHttp allowed =
            new OutboundHttp(OutboundPolicy.of(List.of("127.0.0.1:" + server.port())))) {
      assertThatThrownBy(() -> denied.send("notify.webhook.url", post(server.url("/hook"))))
          .isInstanceOf(OutboundRefused.class)
          .hasMessage(
              "notify.webhook.url: refused to connect to 127.0.0.1:"
                  + server.port()
                  + ": it is a loopback address, which a spec may reach only when"
                  + " tollgate.outbound.allowed-hosts (TOLLGATE_OUTBOUND_ALLOWED_HOSTS) names the"
                  + " host itself");
      // a name that resolves to 127.0.0.1 is judged by that address
      assertThatThrownBy(
              () ->
                  denied.send(
                      "notify.webhook.url", post("http://localhost:" + server.port() + "/hook")))
          .isInstanceOf(OutboundRefused.class)
          .hasMessageContaining("refused to connect to localhost:" + server.port())
          .hasMessageContaining("a loopback address");
      assertThat(server.connections()).isZero();

      HttpAnswer answer = allowed.send("notify.webhook.url", post(server.url("/hook")));
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.text()).isEqualTo("ok");
      assertThat(server.connections()).isEqualTo(1);
    }
  }

  @Test
  void aNameThatResolvesAgainToLoopbackAtConnectionIsRefusedThere() throws Exception {
    // DNS rebinding: public for the check, 127.0.0.1 for the connection.
    AtomicInteger lookups = new AtomicInteger();
    OutboundPolicy rebinding =
        OutboundPolicy.defaults()
            .withResolver(
                host ->
                    new InetAddress[] {
                      InetAddress.getByName(
                          lookups.getAndIncrement() == 0 ? "93.184.216.34" : "127.0.0.1")
                    });
    try (CountingServer server = CountingServer.answering(200, "ok");
        OutboundHttp http = new OutboundHttp(rebinding)) {
      assertThatThrownBy(
              () ->
                  http.send(
                      "tracking.mlflow.uri",
                      post("http://rebind.example.com:" + server.port() + "/api")))
          .isInstanceOf(OutboundRefused.class)
          .hasMessageContaining("tracking.mlflow.uri: refused to connect to rebind.example.com:")
          .hasMessageContaining("it resolves to 127.0.0.1, a loopback address");
      assertThat(lookups.get()).as("checked, then looked up again for the connection").isEqualTo(2);
      assertThat(server.connections()).isZero();
    }
  }

  @Test
  void aRedirectIsTheAnswerAndIsNotFollowed() throws Exception {
    try (CountingServer target = CountingServer.answering(200, "secret");
        CountingServer redirecting =
            new CountingServer(
                (r, out) ->
                    CountingServer.write(
                        out, 307, List.of("Location: " + target.url("/latest/meta-data")), ""));
        OutboundHttp http =
            new OutboundHttp(OutboundPolicy.of(List.of("127.0.0.1:" + redirecting.port())))) {
      HttpAnswer answer = http.send("deploy.ecs.url", post(redirecting.url("/predict")));
      assertThat(answer.status()).isEqualTo(307);
      assertThat(answer.header("Location")).endsWith("/latest/meta-data");
      assertThat(target.connections()).isZero();
    }
  }

  @Test
  void anEndlessAnswerIsReadUpToItsBoundAndDropped() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    try (CountingServer endless =
            new CountingServer(
                (r, out) -> {
                  out.write(
                      "HTTP/1.1 500 X\r\nTransfer-Encoding: chunked\r\n\r\n"
                          .getBytes(StandardCharsets.ISO_8859_1));
                  byte[] chunk =
                      ("10000\r\n" + "x".repeat(0x10000) + "\r\n")
                          .getBytes(StandardCharsets.ISO_8859_1);
                  while (sent.get() < 4096) { // 256 MB at most, if nobody stops reading
                    out.write(chunk);
                    sent.incrementAndGet();
                  }
                });
        OutboundHttp http = new OutboundHttp(OutboundPolicy.of(List.of("127.0.0.1")))) {
      long started = System.nanoTime();
      HttpAnswer answer = http.send("tracking.mlflow.uri", post(endless.url("/api")));
      long millis = (System.nanoTime() - started) / 1_000_000;

      assertThat(answer.status()).isEqualTo(500);
      assertThat(answer.body()).hasSize(1024);
      assertThat(answer.truncated()).isTrue();
      assertThat(millis).isLessThan(3_000);
      Thread.sleep(200);
      assertThat(sent.get()).as("the server was cut off, not read to its end").isLessThan(4096);
    }
  }

  @Test
  void noAnswerWithinTheTimeoutIsAnIoError() throws IOException {
    try (CountingServer silent = new CountingServer((r, out) -> sleep());
        OutboundHttp http = new OutboundHttp(OutboundPolicy.of(List.of("127.0.0.1")))) {
      HttpCall call = HttpCall.get(URI.create(silent.url("/")), Duration.ofMillis(300), 100);
      assertThatThrownBy(() -> http.send("tracking.mlflow.uri", call))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("timed out");
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
