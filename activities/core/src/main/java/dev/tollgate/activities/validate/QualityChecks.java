package dev.tollgate.activities.validate;

import dev.tollgate.activities.data.DataSchema;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.ValidationSpec.QualitySpec;
import dev.tollgate.spec.ValidationSpec.ValueRange;
import dev.tollgate.stages.CheckResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code validation.quality}: checks of the whole dataset as read (every row, not only the
 * holdout). A column missing from the file or a value of the wrong type never gets here: the loader
 * refuses such data as a non-retryable failure; the schema line states what was found.
 */
final class QualityChecks {
  private QualityChecks() {}

  static List<CheckResult> run(QualitySpec quality, DataSpec spec, Dataset data) {
    List<CheckResult> checks = new ArrayList<>();
    checks.add(schema(spec, data));
    checks.add(minRows(spec, data));
    if (quality.maxMissingShare() != null) {
      checks.add(missing(quality.maxMissingShare(), data));
    }
    if (quality.maxDuplicateShare() != null) {
      checks.add(duplicates(quality.maxDuplicateShare(), data));
    }
    if (!quality.ranges().isEmpty()) {
      checks.add(ranges(quality.ranges(), quality.maxOutOfRangeShare(), data));
    }
    return checks;
  }

  static CheckResult schema(DataSpec spec, Dataset data) {
    String types =
        data.schema().features().stream()
            .map(f -> f.name() + " " + f.type().name().toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.joining(", "));
    boolean ok =
        data.schema().names().equals(spec.features())
            && data.schema().categorical().equals(spec.categorical())
            && data.target().equals(spec.target());
    return Checks.judged(
        "quality.schema",
        ok ? 1 : 0,
        "target and features as the spec declares",
        ok,
        (ok ? "" : "the model's schema differs from the spec: ")
            + "target "
            + data.target()
            + ", "
            + data.schema().features().size()
            + " features ("
            + types
            + ")");
  }

  static CheckResult minRows(DataSpec spec, Dataset data) {
    int dropped = data.report().rowsDropped();
    boolean ok = data.rows() >= spec.minRows();
    return Checks.judged(
        "quality.min_rows",
        data.rows(),
        "≥ " + spec.minRows(),
        ok,
        data.rows()
            + " usable rows"
            + (dropped > 0 ? " (" + dropped + " dropped for missing values)" : "")
            + (ok ? ", at least " : ", fewer than ")
            + spec.minRows());
  }

  static CheckResult missing(double max, Dataset data) {
    String threshold = "≤ " + max + " per column";
    Map<String, Integer> missing = data.report().missing();
    int read = data.report().rowsRead();
    if (missing.isEmpty() || read == 0) {
      return Checks.skipped("quality.missing_share", threshold, "missing values were not counted");
    }
    var worst = missing.entrySet().stream().max(Map.Entry.comparingByValue()).get();
    double share = (double) worst.getValue() / read;
    long over = missing.values().stream().filter(m -> (double) m / read > max).count();
    boolean ok = share <= max;
    return Checks.judged(
        "quality.missing_share",
        share,
        threshold,
        ok,
        worst.getValue() == 0
            ? "no missing values in " + missing.size() + " columns of " + read + " rows"
            : over
                + " of "
                + missing.size()
                + " columns over the limit; worst "
                + worst.getKey()
                + ": "
                + worst.getValue()
                + " of "
                + read
                + " values missing ("
                + Checks.fmt(100 * share)
                + "%)");
  }

  /**
   * Rows equal to an earlier row in every used column (features as encoded, target, timestamp),
   * found by a 64-bit hash of each row: a false match needs a hash collision, about one in 10¹³ for
   * a million rows.
   */
  static CheckResult duplicates(double max, Dataset data) {
    Set<Long> seen = new HashSet<>();
    int repeated = 0;
    for (int row = 0; row < data.rows(); row++) {
      long h = mix(0x9E3779B97F4A7C15L, Double.doubleToLongBits(data.y()[row]));
      for (double[] column : data.columns()) {
        h = mix(h, Double.doubleToLongBits(column[row] + 0.0)); // -0.0 as 0.0
      }
      if (data.timestamps() != null) h = mix(h, data.timestamps()[row]);
      if (!seen.add(h)) repeated++;
    }
    double share = data.rows() == 0 ? 0 : (double) repeated / data.rows();
    boolean ok = share <= max;
    return Checks.judged(
        "quality.duplicate_share",
        share,
        "≤ " + max,
        ok,
        repeated + " of " + data.rows() + " rows repeat an earlier row in every used column");
  }

  static CheckResult ranges(Map<String, ValueRange> ranges, double max, Dataset data) {
    String worst = null;
    double worstShare = -1;
    int worstCount = 0;
    int over = 0;
    for (var e : ranges.entrySet()) {
      double[] values = values(data, e.getKey());
      int outside = 0;
      for (double v : values) {
        if (!e.getValue().contains(v)) outside++;
      }
      double share = values.length == 0 ? 0 : (double) outside / values.length;
      over += share > max ? 1 : 0;
      if (share > worstShare) {
        worst = e.getKey();
        worstShare = share;
        worstCount = outside;
      }
    }
    boolean ok = over == 0;
    return Checks.judged(
        "quality.out_of_range_share",
        worstShare,
        "≤ " + max + " per column",
        ok,
        over
            + " of "
            + ranges.size()
            + " columns over the limit; worst "
            + worst
            + ": "
            + worstCount
            + " of "
            + data.rows()
            + " values outside "
            + ranges.get(worst).describe());
  }

  /** The values of a numeric feature or of the target. */
  private static double[] values(Dataset data, String column) {
    if (column.equals(data.target())) return data.y();
    int j = data.features().indexOf(column);
    boolean numeric =
        data.schema().features().stream()
            .anyMatch(f -> f.name().equals(column) && f.type() == DataSchema.Type.NUMERIC);
    if (j < 0 || !numeric) {
      throw new IllegalArgumentException(column + " is not a numeric column of the data");
    }
    return data.columns()[j];
  }

  private static long mix(long h, long v) {
    long x = (h ^ v) * 0xBF58476D1CE4E5B9L;
    x ^= x >>> 31;
    return x * 0x94D049BB133111EBL + Long.rotateLeft(h, 17);
  }
}
