package dev.tollgate.activities.data;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.artifacts.FileUris;
import dev.tollgate.spec.DataSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Enforces {@code data.max_age}: training on a file older than the spec allows means the export
 * that should refresh it has stopped, which retrying will not fix. The file's last-modified time is
 * its age. Checked when training starts only: validation and smoke tests reuse the same file later
 * (after an approval wait of days) and must not fail because time passed.
 */
public final class DataFreshness {
  private DataFreshness() {}

  public static void check(DataSpec spec, Instant now) {
    Duration maxAge = spec.maxAge();
    if (maxAge == null) {
      return;
    }
    Path file = FileUris.dataset(spec.train());
    if (!Files.isRegularFile(file)) {
      return; // the loader names a missing file; nothing to date here
    }
    Instant modified;
    try {
      modified = Files.getLastModifiedTime(file).toInstant();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the modification time of " + file, e);
    }
    Duration age = Duration.between(modified, now);
    if (age.compareTo(maxAge) > 0) {
      throw Failures.invalidData(
          file.getFileName()
              + " was last modified at "
              + modified
              + ", "
              + words(age)
              + " ago; data.max_age is "
              + words(maxAge));
    }
  }

  /** "2d 3h", "48h", "15m": the units people write in specs. */
  static String words(Duration duration) {
    long hours = duration.toHours();
    if (hours >= 72) {
      return duration.toDays() + "d " + (hours % 24) + "h";
    }
    return hours > 0 ? hours + "h" : duration.toMinutes() + "m";
  }
}
