package dev.tollgate.worker.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.adapters.slack.FakeSlack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The endpoint as the worker app serves it, over real HTTP: wired from {@code tollgate.slack.*},
 * verifying the exact bytes sent (spaces as {@code %20}, which Spring's form re-encoding would turn
 * into {@code +} and so break the signature had the controller read parameters instead of the raw
 * body).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackInteractionsHttpTest {
  private static final String SECRET = "http-test-signing-secret";
  private static final Path HOME = home();
  private static final FakeSlack SLACK = fakeSlack();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("tollgate.home", HOME::toString);
    registry.add("tollgate.temporal.address", () -> "");
    registry.add("tollgate.temporal.embedded-port", () -> "0");
    registry.add("tollgate.slack.signing-secret", () -> SECRET);
    registry.add("tollgate.slack.bot-token", () -> "xoxb-test");
    registry.add("tollgate.slack.api-url", SLACK::apiUrl);
  }

  @LocalServerPort int port;

  @AfterAll
  static void stopSlack() {
    SLACK.close();
  }

  @Test
  void aSignedClickIsVerifiedAndAnsweredAForgedOneIs401() throws Exception {
    String json =
        SignedInteraction.click("tollgate_approve", "pipeline/energy-load/gone", "U0ALICE");
    String body = "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    String ts = Long.toString(Instant.now().getEpochSecond());

    HttpResponse<String> forged = post(body, ts, SignedInteraction.sign("wrong", ts, body));
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(SLACK.callsButAuth()).isEmpty();

    HttpResponse<String> signed = post(body, ts, SignedInteraction.sign(SECRET, ts, body));
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
    assertThat(SLACK.calls("chat.postEphemeral"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.field("user")).isEqualTo("U0ALICE");
              assertThat(c.field("text"))
                  .isEqualTo("the run pipeline/energy-load/gone no longer exists");
            });
  }

  private HttpResponse<String> post(String body, String ts, String signature) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slack/interactions"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static FakeSlack fakeSlack() {
    try {
      return new FakeSlack(Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path home() {
    try {
      return Files.createTempDirectory("tollgate-slack-http");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
