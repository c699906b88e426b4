package dev.tollgate.worker.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WARN line for requests a signed endpoint refuses (unsigned, forged, stale, malformed, too
 * large: Slack's interactions, GitHub's webhook), at most one a minute: anyone who can reach the
 * port can send them, and each must not cost a stack trace or let a flood fill the disk. The lines
 * in between are counted and the count is given with the next line. Never the request's content.
 */
public final class RefusedRequestLog {
  static final Duration EVERY = Duration.ofMinutes(1);

  private final Clock clock;
  private final Logger log;
  private final String path;
  private Instant last;
  private long quiet;

  /**
   * @param endpoint the class whose logger the lines go to (the endpoint's)
   * @param path the endpoint's path, for the line
   */
  public RefusedRequestLog(Clock clock, Class<?> endpoint, String path) {
    this.clock = clock;
    this.log = LoggerFactory.getLogger(endpoint);
    this.path = path;
  }

  /** {@code why}: our own words, never the request's content. */
  public void refused(int status, String why, String remoteAddress) {
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
        "Refused a request to {} from {}: {} ({}){}",
        path,
        remoteAddress,
        why,
        status,
        skipped == 0 ? "" : "; " + skipped + " more refused in the last minute, not logged");
  }
}
