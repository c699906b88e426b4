package dev.tollgate.worker.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.adapters.slack.FakeSlack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What anyone who reaches the worker's port can send to {@code /slack/interactions} (issue 21,
 * items 4 and 10), over real HTTP to the worker app: nothing is parsed before Slack's signature
 * holds (401), a signed payload that is not a click is a 400, a body over 64 KB is a 413 before the
 * rest is read; none of it costs a stack trace in the log, or reaches Slack.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackEndpointGuardsHttpTest {
  private static final String SECRET = "guards-test-signing-secret";
  private static final String GONE = "pipeline/energy-load/gone";
  private static final long MB = 1024 * 1024;
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

  /**
   * The review's probe body (a payload Bolt's parser chokes on) under every kind of bad signature:
   * a 500 with a stack trace showed that it was parsed before it was verified. The future stamp is
   * on a good click: verified one-sided, it was acted on.
   */
  static Stream<Arguments> notSignedBySlack() {
    String probe = "payload={\"type\":\"block_actions\"}";
    String click = form(SignedInteraction.click("tollgate_approve", GONE, "U0ALICE"));
    String now = now(0);
    return Stream.of(
        Arguments.of("unsigned (the probe)", probe, now, null),
        Arguments.of("unsigned, not even JSON", "payload={\"type\":", now, null),
        Arguments.of("a wrong signature", probe, now, SignedInteraction.sign("x", now, probe)),
        Arguments.of("a timestamp that is no number", probe, "soon", sign("soon", probe)),
        Arguments.of("signed six minutes ago", probe, now(-6), sign(now(-6), probe)),
        Arguments.of("signed six minutes ahead", click, now(6), sign(now(6), click)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notSignedBySlack")
  void whatSlackDidNotSignIs401BeforeAnythingParsesIt(
      String what, String body, String timestamp, String signature) throws Exception {
    try (CapturedLog log = new CapturedLog()) {
      for (int i = 0; i < 20; i++) {
        RawHttp.Answer answer = post(body, timestamp, signature);
        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("invalid or missing Slack signature");
      }
      assertThat(log.stackTracesAndErrors()).isEmpty();
      assertThat(log.linesOf(SlackInteractions.class.getName()))
          .as("one line a minute at most, none with the request's content")
          .hasSizeLessThanOrEqualTo(1)
          .allSatisfy(line -> assertThat(line).doesNotContain("block_actions", "U0ALICE"));
    }
    assertThat(SLACK.callsButAuth()).isEmpty();
  }

  static Stream<String> signedButNotAClick() {
    return Stream.of(
        "payload={\"type\":\"block_actions\"}",
        "payload=not-json",
        "hello=world",
        form(
            "{\"type\":\"view_submission\",\"user\":{\"id\":\"U0ALICE\"},\"team\":{\"id\":\"T0TEAM\"}}"),
        form(SignedInteraction.click("someone_elses_button", GONE, "U0ALICE")));
  }

  @ParameterizedTest
  @MethodSource("signedButNotAClick")
  void aSignedPayloadThatIsNotAClickIs400WithoutAStackTrace(String body) throws Exception {
    try (CapturedLog log = new CapturedLog()) {
      String ts = now(0);
      RawHttp.Answer answer = post(body, ts, sign(ts, body));
      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
      assertThat(answer.body()).isEqualTo("not a Slack interaction Tollgate handles");
      assertThat(log.stackTracesAndErrors()).isEmpty();
    }
    assertThat(SLACK.callsButAuth()).isEmpty();
  }

  @Test
  void aDeclaredBodyOver64KbIs413BeforeAByteIsRead() throws Exception {
    // 256 MB declared, none sent: a server that reads before it checks would wait here forever
    RawHttp.Answer answer = RawHttp.declared(port, headers(), 256 * MB);
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.body()).isEqualTo("request body too large");
  }

  @Test
  void aStreamedBodyOver64KbIs413AndTheWorkerStopsReading() throws Exception {
    RawHttp.Answer answer = RawHttp.chunked(port, headers(), 256 * MB);
    assertThat(answer.status()).isEqualTo(413);
    // 64 KB read, Tomcat's 2 MB drain and the loopback's socket buffers (3.8 MB here)
    assertThat(answer.bytesWritten()).isLessThan(16 * MB);
  }

  private RawHttp.Answer post(String body, String timestamp, String signature) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String headers =
        "Content-Type: application/x-www-form-urlencoded\r\nX-Slack-Request-Timestamp: "
            + timestamp
            + "\r\n"
            + (signature == null ? "" : "X-Slack-Signature: " + signature + "\r\n");
    return RawHttp.withBody(port, headers, bytes);
  }

  private static String headers() {
    String ts = now(0);
    return "Content-Type: application/x-www-form-urlencoded\r\nX-Slack-Request-Timestamp: "
        + ts
        + "\r\nX-Slack-Signature: v0=00\r\n";
  }

  private static String form(String json) {
    return "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
  }

  private static String sign(String ts, String body) {
    return SignedInteraction.sign(SECRET, ts, body);
  }

  private static String now(long minutes) {
    return now(Duration.ofMinutes(minutes));
  }

  private static String now(Duration offset) {
    return Long.toString(Instant.now().plus(offset).getEpochSecond());
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
      return Files.createTempDirectory("tollgate-slack-guards");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
