package dev.tollgate.activities.validate;

import dev.tollgate.activities.data.DataFreshness;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.stages.CheckResult;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code data.max_age} as a validation check: the age of the data is that of its newest row when
 * the spec names a {@code data.timestamp} column (what the rows say beats when a file was copied),
 * else the file's modification time or the S3 object's LastModified. Stale data is a failed check,
 * so the run ends as rejected by validation with the report, not as an error.
 */
final class FreshnessCheck {
  static final String NAME = "data.freshness";

  private FreshnessCheck() {}

  /**
   * @param lastModified when the dataset was written, or {@code null} when unknown; used only when
   *     the data has no timestamps
   */
  static CheckResult run(Duration maxAge, Dataset data, Instant lastModified, Instant now) {
    String threshold = "≤ " + DataFreshness.words(maxAge);
    Instant newest;
    String source;
    if (data.timestamps() != null && data.rows() > 0) {
      long max = Long.MIN_VALUE;
      for (long t : data.timestamps()) max = Math.max(max, t);
      newest = Instant.ofEpochMilli(max);
      source = "newest row";
    } else if (lastModified != null) {
      newest = lastModified;
      source = "file last modified";
    } else {
      return Checks.skipped(NAME, threshold, "the dataset's age is unknown");
    }
    Duration age = Duration.between(newest, now);
    boolean ok = age.compareTo(maxAge) <= 0;
    return Checks.judged(
        NAME,
        age.toSeconds() / 3600.0,
        threshold,
        ok,
        source
            + " at "
            + newest
            + ", "
            + (age.isNegative() ? "in the future" : DataFreshness.words(age) + " old")
            + (ok ? ", within " : ", older than data.max_age ")
            + DataFreshness.words(maxAge));
  }
}
