package dev.tollgate.spec;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads {@code validation}, strictly: metric thresholds, the baseline tolerance, drift, data
 * quality, and (regression only) stability and range.
 */
final class ValidationKeys {
  private ValidationKeys() {}

  static ValidationSpec read(YamlSection s, Task task, DataSpec data) {
    return read(s, task, data, false);
  }

  /**
   * @param command whether {@code training} runs a command, the only training that reports its own
   *     metrics ({@code reported_vs_measured} is refused otherwise: it would never run)
   */
  static ValidationSpec read(YamlSection s, Task task, DataSpec data, boolean command) {
    if (s == null) return new ValidationSpec(Map.of(), null, null, null, null);
    s.rejectUnknownKeys(
        Set.of(
            "thresholds",
            "baseline",
            "drift",
            "stability",
            "range",
            "quality",
            "reported_vs_measured"));
    Double reported = null;
    YamlSection rvm = s.section("reported_vs_measured", false);
    if (rvm != null) {
      if (!command) {
        throw s.error(
            "reported_vs_measured",
            "applies to training.command only (a command's metrics.json); remove it");
      }
      rvm.rejectUnknownKeys(Set.of("tolerance"));
      reported = SpecValues.share(rvm, "tolerance", ValidationSpec.DEFAULT_REPORTED_TOLERANCE);
    }
    Map<String, MetricBound> thresholds = thresholds(s.section("thresholds", false), task);
    Double tolerance = null;
    YamlSection b = s.section("baseline", false);
    if (b != null) {
      b.rejectUnknownKeys(Set.of("tolerance"));
      tolerance = SpecValues.share(b, "tolerance", 0.05);
    }
    ValidationSpec.DriftSpec drift = drift(s.section("drift", false));
    ValidationSpec.QualitySpec quality = quality(s.section("quality", false), data, task);
    if (task != Task.REGRESSION) {
      // Both judge the spread of predicted values: class indices and anomaly flags have none.
      for (String key : List.of("stability", "range")) {
        if (s.has(key)) throw s.error(key, "applies to task regression only; remove it");
      }
    }
    Double maxCv = null;
    YamlSection st = s.section("stability", false);
    if (st != null) {
      st.rejectUnknownKeys(Set.of("max_cv"));
      maxCv = SpecValues.positive(st, "max_cv", 0.5);
    }
    ValidationSpec.RangeSpec range = null;
    YamlSection r = s.section("range", false);
    if (r != null) {
      r.rejectUnknownKeys(Set.of("sigma", "max_outlier_share"));
      range =
          new ValidationSpec.RangeSpec(
              SpecValues.positive(r, "sigma", 3.0), SpecValues.share(r, "max_outlier_share", 0.05));
    }
    return new ValidationSpec(thresholds, tolerance, drift, maxCv, range, quality, reported);
  }

  private static Map<String, MetricBound> thresholds(YamlSection t, Task task) {
    Map<String, MetricBound> thresholds = new HashMap<>();
    if (t == null) return thresholds;
    for (Iterator<String> it = t.keys(); it.hasNext(); ) {
      String metric = it.next();
      Set<String> known = TaskMetrics.of(task);
      if (!known.contains(metric)) {
        throw t.error(
            metric,
            "unknown metric for task "
                + task.name().toLowerCase(Locale.ROOT)
                + "; expected one of "
                + new java.util.TreeSet<>(known));
      }
      YamlSection bound = t.section(metric, true);
      bound.rejectUnknownKeys(Set.of("min", "max"));
      Double min = metricBound(bound, metric, "min");
      Double max = metricBound(bound, metric, "max");
      thresholds.put(metric, SpecValues.build(t, metric, () -> new MetricBound(min, max)));
    }
    return thresholds;
  }

  /** One end of a metric threshold, refused when no model could ever meet it or miss it. */
  private static Double metricBound(YamlSection bound, String metric, String end) {
    Double v = bound.number(end, false);
    String impossible = v == null ? null : TaskMetrics.impossible(metric, v);
    if (impossible != null) throw bound.error(end, impossible + ", got " + SpecValues.fmt(v));
    return v;
  }

  private static ValidationSpec.DriftSpec drift(YamlSection d) {
    if (d == null) return null;
    d.rejectUnknownKeys(
        Set.of("method", "threshold", "max_drift_share", "alpha", "bonferroni", "bins"));
    String given = d.string("method", false);
    // any case, as every enum of the spec
    String method = given == null ? null : given.strip().toLowerCase(java.util.Locale.ROOT);
    if (method != null && !ValidationSpec.DriftSpec.METHODS.contains(method)) {
      throw d.error(
          "method",
          "expected one of " + ValidationSpec.DriftSpec.METHODS + ", got '" + given + "'");
    }
    Double threshold = SpecValues.positive(d, "threshold", 0.1);
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
        SpecValues.share(d, "max_drift_share", 0.5),
        alpha == null ? 0.05 : alpha,
        bonferroni != null && bonferroni,
        bins == null ? 10 : bins);
  }

  private static ValidationSpec.QualitySpec quality(YamlSection q, DataSpec data, Task task) {
    if (q == null) return null;
    q.rejectUnknownKeys(
        Set.of("max_missing_share", "max_duplicate_share", "ranges", "max_out_of_range_share"));
    Double missing =
        q.has("max_missing_share") ? SpecValues.share(q, "max_missing_share", 0) : null;
    Double duplicates =
        q.has("max_duplicate_share") ? SpecValues.share(q, "max_duplicate_share", 0) : null;
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
            column, SpecValues.build(r, column, () -> new ValidationSpec.ValueRange(min, max)));
      }
    }
    return new ValidationSpec.QualitySpec(
        missing, duplicates, ranges, SpecValues.share(q, "max_out_of_range_share", 0.0));
  }
}
