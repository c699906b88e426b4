package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import dev.tollgate.spec.DataSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * Enforces {@code data.max_age}: training on a file older than the spec allows means the export
 * that should refresh it has stopped, which retrying will not fix. The file's last-modified time is
 * its age. Enforced here when training starts; validation, which runs right after training, reports
 * the same limit as its {@code data.freshness} check (dating the data by its newest row when the
 * spec has {@code data.timestamp}); smoke tests reuse the same file later (after an approval wait
 * of days) and must not fail because time passed.
 */
public final class DataFreshness {
  private DataFreshness() {}

  /** For a local dataset. */
  public static void check(DataSpec spec, Instant now) {
    check(spec, DatasetFiles.localOnly(), now);
  }

  /** For a dataset anywhere {@code files} reaches; an S3 object's age is its LastModified. */
  public static void check(DataSpec spec, DatasetFiles files, Instant now) {
    Duration maxAge = spec.maxAge();
    if (maxAge == null) {
      return;
    }
    Instant modified = files.lastModified(spec.train());
    if (modified == null) {
      return; // the loader names a missing dataset; nothing to date here
    }
    Duration age = Duration.between(modified, now);
    if (age.compareTo(maxAge) > 0) {
      throw Failures.invalidData(
          name(spec.train())
              + " was last modified at "
              + modified
              + ", "
              + words(age)
              + " ago; data.max_age is "
              + words(maxAge));
    }
  }

  /** The file name of a dataset URI, as the loader's messages name it. */
  private static String name(String uri) {
    String path = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** "2d 3h", "48h", "15m": the units people write in specs (never negative minutes). */
  public static String words(Duration duration) {
    long hours = duration.toHours();
    if (hours >= 72) {
      return duration.toDays() + "d " + (hours % 24) + "h";
    }
    return hours > 0 ? hours + "h" : Math.max(0, duration.toMinutes()) + "m";
  }
}
