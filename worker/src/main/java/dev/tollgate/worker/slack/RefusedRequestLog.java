package dev.tollgate.worker.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WARN line for requests the endpoint refuses before they reach Bolt (unsigned, forged, stale,
 * malformed, too large), at most one a minute: anyone who can reach the port can send them, and
 * each must not cost a stack trace or let a flood fill the disk. The lines in between are counted
 * and the count is given with the next line.
 */
final class RefusedRequestLog {
  static final Duration EVERY = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(SlackInteractions.class);

  private final Clock clock;
  private Instant last;
  private long quiet;

  RefusedRequestLog(Clock clock) {
    this.clock = clock;
  }

  /** {@code why}: our own words, never the request's content. */
  void refused(int status, String why, String remoteAddress) {
    long skipped;
    synchronized (this) {
      Instant now = clock.instant();
      if (last != null && now.isBefore(last.plus(EVERY))) {
        quiet++;
        return;
      }
      last = now;
      skipped = quiet;
      quiet = 0;
    }
    log.warn(
        "Refused a request to /slack/interactions from {}: {} ({}){}",
        remoteAddress,
        why,
        status,
        skipped == 0 ? "" : "; " + skipped + " more refused in the last minute, not logged");
  }
}
