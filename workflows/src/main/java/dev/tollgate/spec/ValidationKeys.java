package dev.tollgate.spec;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads {@code validation.drift} and {@code validation.quality}, strictly. */
final class ValidationKeys {
  private ValidationKeys() {}

  static ValidationSpec.DriftSpec drift(YamlSection d) {
    if (d == null) return null;
    d.rejectUnknownKeys(
        Set.of("method", "threshold", "max_drift_share", "alpha", "bonferroni", "bins"));
    String method = d.string("method", false);
    if (method != null && !ValidationSpec.DriftSpec.METHODS.contains(method)) {
      throw d.error(
          "method",
          "expected one of " + ValidationSpec.DriftSpec.METHODS + ", got '" + method + "'");
    }
    Double threshold = SectionReaders.positive(d, "threshold", 0.1);
    Double alpha = d.number("alpha", false);
    if (alpha != null && !(alpha > 0 && alpha < 1)) {
      throw d.error(
          "alpha", "expected a significance level between 0 and 1 such as 0.05, got " + alpha);
    }
    Integer bins = d.integer("bins", false);
    if (bins != null && (bins < 2 || bins > 100)) {
      throw d.error("bins", "expected a whole number from 2 to 100, got " + bins);
    }
    Boolean bonferroni = d.bool("bonferroni");
    return new ValidationSpec.DriftSpec(
        method == null ? "psi" : method,
        threshold,
        SectionReaders.share(d, "max_drift_share", 0.5),
        alpha == null ? 0.05 : alpha,
        bonferroni != null && bonferroni,
        bins == null ? 10 : bins);
  }

  static ValidationSpec.QualitySpec quality(YamlSection q, DataSpec data, Task task) {
    if (q == null) return null;
    q.rejectUnknownKeys(
        Set.of("max_missing_share", "max_duplicate_share", "ranges", "max_out_of_range_share"));
    Double missing =
        q.has("max_missing_share") ? SectionReaders.share(q, "max_missing_share", 0) : null;
    Double duplicates =
        q.has("max_duplicate_share") ? SectionReaders.share(q, "max_duplicate_share", 0) : null;
    Map<String, ValidationSpec.ValueRange> ranges = new TreeMap<>();
    YamlSection r = q.section("ranges", false);
    if (r != null) {
      for (Iterator<String> it = r.keys(); it.hasNext(); ) {
        String column = it.next();
        boolean numeric =
            (column.equals(data.target()) && task == Task.REGRESSION)
                || (data.features().contains(column) && !data.isCategorical(column));
        if (!numeric) {
          throw r.error(
              column,
              "expected "
                  + (task == Task.REGRESSION ? "the target or " : "")
                  + "a numeric feature ("
                  + (task == Task.REGRESSION ? data.target() + ", " : "")
                  + data.features().stream().filter(f -> !data.isCategorical(f)).toList()
                  + ")");
        }
        YamlSection bound = r.section(column, true);
        bound.rejectUnknownKeys(Set.of("min", "max"));
        Double min = bound.number("min", false);
        Double max = bound.number("max", false);
        ranges.put(
            column, SectionReaders.build(r, column, () -> new ValidationSpec.ValueRange(min, max)));
      }
    }
    return new ValidationSpec.QualitySpec(
        missing, duplicates, ranges, SectionReaders.share(q, "max_out_of_range_share", 0.0));
  }
}
