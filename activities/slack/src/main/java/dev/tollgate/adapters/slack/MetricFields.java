package dev.tollgate.adapters.slack;

import dev.tollgate.pipeline.Figures;
import dev.tollgate.spec.MetricDirection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A finished run's metrics as Slack fields, each against the version it replaces when the event
 * carries that version's figure ({@code previous_<metric>}, same holdout): "*rmse* 25.8 (1.2 better
 * than v2)". The event mixes metrics with other fields, so a metric is any numeric field that is
 * not one of the known others.
 */
final class MetricFields {
  /** The metrics people look at first, in this order; the rest follow by name. */
  private static final List<String> FIRST = List.of("rmse", "mae", "r2", "accuracy", "auc", "f1");

  private static final Set<String> NOT_METRICS =
      Set.of("version", "previous_version", "drift_share", "from_version", "to_version");

  private MetricFields() {}

  static List<String> of(Map<String, String> fields, int max) {
    String previousVersion = fields.get("previous_version");
    List<String> out = new ArrayList<>();
    for (String name : names(fields)) {
      if (out.size() == max) break;
      double value = Double.parseDouble(fields.get(name));
      StringBuilder s =
          new StringBuilder(Mrkdwn.bold(name)).append('\n').append(Figures.number(value));
      Double previous = number(fields.get("previous_" + name));
      if (previous != null) s.append(' ').append(delta(name, value, previous, previousVersion));
      out.add(s.toString());
    }
    return out;
  }

  /** "(1.2 better than v2)", "(0.01 worse than v2)", "(same as v2)". */
  static String delta(String metric, double value, double previous, String previousVersion) {
    String than = previousVersion == null ? "Production" : "v" + previousVersion;
    if (value == previous) return "(same as " + than + ")";
    String by = Figures.number(Math.abs(value - previous));
    boolean better = MetricDirection.better(metric, value, previous);
    return "(" + by + (better ? " better than " : " worse than ") + than + ")";
  }

  private static List<String> names(Map<String, String> fields) {
    return fields.keySet().stream()
        .filter(k -> !NOT_METRICS.contains(k))
        .filter(k -> !k.startsWith("previous_") && !k.startsWith("stage_ms."))
        .filter(k -> number(fields.get(k)) != null)
        .sorted(Comparator.comparingInt(MetricFields::rank).thenComparing(k -> k))
        .toList();
  }

  private static int rank(String metric) {
    int i = FIRST.indexOf(metric);
    return i < 0 ? FIRST.size() : i;
  }

  private static Double number(String s) {
    if (s == null) return null;
    try {
      double d = Double.parseDouble(s);
      return Double.isNaN(d) ? null : d;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
