package dev.tollgate.worker.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WARN line for deliveries the endpoint refuses (unsigned, forged, too large, malformed), at
 * most one a minute with the count of the rest: anyone who reaches the port can send them, and a
 * flood must not fill the disk. Never the request's content; no stack trace.
 */
final class RefusedDeliveryLog {
  static final Duration EVERY = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(GitHubWebhook.class);

  private final Clock clock;
  private Instant last;
  private long quiet;

  RefusedDeliveryLog(Clock clock) {
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
        "Refused a request to /github/webhook from {}: {} ({}){}",
        remoteAddress,
        why,
        status,
        skipped == 0 ? "" : "; " + skipped + " more refused in the last minute, not logged");
  }
}
