package dev.tollgate.activities.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tollgate.activities.serving.HttpServingClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The smoke test's wait against a fake serving API over HTTP: one {@code GET /v1/models/{name}} per
 * step tells both the versions served and a failed load; a failed load of the deployed version ends
 * the wait at once; a 503 while nothing is loaded yet is waited out.
 */
class ServingWaitTest {
  private HttpServer server;
  private final AtomicInteger gets = new AtomicInteger();

  @AfterEach
  void stop() {
    if (server != null) server.stop(0);
  }

  /** Serves {@code answer(n)} (status and body) to the n-th GET, counting from 1. */
  private HttpServingClient serving(IntFunction<Answer> answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v1/models/m",
        exchange -> {
          Answer a = answer.apply(gets.incrementAndGet());
          byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(a.status(), body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    return new HttpServingClient(() -> base);
  }

  private record Answer(int status, String body) {}

  @Test
  void asksOnceAStepUntilTheDeployedVersionIsServed() throws IOException {
    HttpServingClient client =
        serving(
            n ->
                new Answer(
                    200,
                    "{\"version\": "
                        + (n <= 3 ? 1 : 2)
                        + ", \"canary\": null, \"load_failure\": null}"));
    assertThat(ServingWait.awaitVersion(client, "m", 2, Duration.ofSeconds(10))).isNull();
    assertThat(gets.get()).as("one GET per step: three on v1, one on v2").isEqualTo(4);
  }

  @Test
  void aFailedLoadOfTheDeployedVersionEndsTheWaitAfterOneGet() throws IOException {
    HttpServingClient client =
        serving(
            n ->
                new Answer(
                    200,
                    "{\"version\": 1, \"load_failure\": {\"version\": 2, \"error\": \"bad SHA-256\"}}"));
    assertThat(ServingWait.awaitVersion(client, "m", 2, Duration.ofSeconds(10)))
        .isEqualTo("m v2 could not be loaded by serving: bad SHA-256");
    assertThat(gets.get()).isEqualTo(1);
  }

  @Test
  void nothingLoadedYetIsWaitedOutAndAFailedFirstLoadEndsIt() throws IOException {
    HttpServingClient client =
        serving(
            n ->
                n <= 2
                    ? new Answer(503, "{\"error\": \"m is deployed but not loaded yet\"}")
                    : new Answer(
                        503,
                        "{\"error\": \"m v1 could not be loaded\","
                            + " \"load_failure\": {\"version\": 1, \"error\": \"unreadable\"}}"));
    assertThat(ServingWait.awaitVersion(client, "m", 1, Duration.ofSeconds(10)))
        .isEqualTo("m v1 could not be loaded by serving: unreadable");
    assertThat(gets.get()).as("one GET per step").isEqualTo(3);
  }

  @Test
  void aServingThatNeverLoadsItSaysWhatItServesWhenTheWaitEnds() throws IOException {
    HttpServingClient client = serving(n -> new Answer(200, "{\"version\": 1}"));
    assertThat(ServingWait.awaitVersion(client, "m", 2, Duration.ofMillis(250)))
        .isEqualTo("m serves [1], expected v2 (waited 0 s for serving to load it)");
    assertThat(gets.get()).isBetween(2, 4);
  }
}
