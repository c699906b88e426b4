package dev.tollgate.worker.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.worker.web.RefusedRequestLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A flood of refused requests costs one log line a minute, with the count of the quiet ones. */
class RefusedRequestLogTest {

  /** A clock the test moves. */
  private static final class Hand extends Clock {
    Instant now = Instant.parse("2026-12-06T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void oneLineAMinuteAndTheCountOfTheRest() {
    Hand clock = new Hand();
    RefusedRequestLog refusals =
        new RefusedRequestLog(clock, SlackInteractions.class, "/slack/interactions");
    try (CapturedLog log = new CapturedLog()) {
      for (int i = 0; i < 1000; i++) refusals.refused(401, "not signed by Slack", "10.0.0.9");
      clock.now = clock.now.plus(Duration.ofSeconds(61));
      refusals.refused(413, "body over 65536 bytes", "10.0.0.9");

      assertThat(log.linesOf(SlackInteractions.class.getName()))
          .containsExactly(
              "Refused a request to /slack/interactions from 10.0.0.9: not signed by Slack (401)",
              "Refused a request to /slack/interactions from 10.0.0.9: body over 65536 bytes (413);"
                  + " 999 more refused in the last minute, not logged");
    }
  }
}
