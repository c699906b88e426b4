package dev.tollgate.spec;

import java.time.Duration;

/**
 * The spec's {@code pull_request} section: how far a pull request's check run may go. A check run
 * trains and validates against Production, never deploys and never promotes; these bound it.
 *
 * @param maxRows the train stage reads at most this many rows of the data ({@code null}: all)
 * @param timeout the whole check run's limit; past it the run is stopped and the commit's status
 *     says so
 */
public record PullRequestSpec(Long maxRows, Duration timeout) {

  private static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);

  /** A spec without the section: every row, one hour. */
  public static final PullRequestSpec DEFAULT = new PullRequestSpec(null, DEFAULT_TIMEOUT);

  public PullRequestSpec {
    if (maxRows != null && maxRows < 1) {
      throw new IllegalArgumentException("max_rows must be at least 1, got " + maxRows);
    }
    if (timeout == null) timeout = DEFAULT_TIMEOUT;
  }
}
