package dev.tollgate.worker.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.worker.slack.SlackSignature.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Slack's v0 signature on the raw bytes, with a five-minute window on both sides of now. */
class SlackSignatureTest {
  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final String BODY = "payload=%7B%22type%22%3A%22block_actions%22%7D";
  private final SlackSignature signature =
      new SlackSignature(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

  private Verdict check(long offsetSeconds, String secret, String body) {
    String ts = Long.toString(NOW.getEpochSecond() + offsetSeconds);
    return signature.check(
        ts, SignedInteraction.sign(secret, ts, body), BODY.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void slacksSignatureWithinFiveMinutesEitherWayIsValid() {
    assertThat(check(0, SECRET, BODY)).isEqualTo(Verdict.VALID);
    assertThat(check(-299, SECRET, BODY)).isEqualTo(Verdict.VALID);
    assertThat(check(299, SECRET, BODY)).isEqualTo(Verdict.VALID);
  }

  @Test
  void tooOldAndTooFarAheadAreBothRefused() {
    assertThat(check(-301, SECRET, BODY)).isEqualTo(Verdict.STALE);
    assertThat(check(301, SECRET, BODY)).isEqualTo(Verdict.FROM_THE_FUTURE);
  }

  @Test
  void anotherSecretOrAnotherBodyIsABadSignature() {
    assertThat(check(0, "not-the-secret", BODY)).isEqualTo(Verdict.BAD_SIGNATURE);
    assertThat(check(0, SECRET, BODY + "&x=1")).isEqualTo(Verdict.BAD_SIGNATURE);
  }

  @Test
  void missingOrGarbledHeadersAreRefused() {
    byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
    String ts = Long.toString(NOW.getEpochSecond());
    assertThat(signature.check(null, "v0=00", body)).isEqualTo(Verdict.MISSING_HEADERS);
    assertThat(signature.check(ts, null, body)).isEqualTo(Verdict.MISSING_HEADERS);
    assertThat(signature.check("soon", "v0=00", body)).isEqualTo(Verdict.BAD_TIMESTAMP);
    assertThat(signature.check(ts, "v0=00", body)).isEqualTo(Verdict.BAD_SIGNATURE);
  }
}
