package dev.tollgate.adapters.slack;

import dev.tollgate.pipeline.Figures;
import dev.tollgate.spec.MetricDirection;
import dev.tollgate.stages.RunComparison;
import dev.tollgate.stages.RunFinished;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A finished run's metrics as Slack fields, each against the version it replaces when the event
 * carries that version's figure (same holdout): "*rmse* 25.8 (1.2 better than v2)". Figures are
 * compared as they are shown (three significant figures, {@link Figures#number}), so "same as"
 * means what the reader sees is the same.
 */
final class MetricFields {
  /** The metrics people look at first, in this order; the rest follow by name. */
  private static final List<String> FIRST = List.of("rmse", "mae", "r2", "accuracy", "auc", "f1");

  private MetricFields() {}

  static List<String> of(RunFinished e, int max) {
    RunComparison c = e.comparison();
    Integer previousVersion = c == null ? null : c.previousVersion();
    Map<String, Double> previous = c == null ? Map.of() : c.previousMetrics();
    List<String> out = new ArrayList<>();
    for (String name : names(e.metrics())) {
      if (out.size() == max) break;
      double value = shown(e.metrics().get(name));
      StringBuilder s =
          new StringBuilder(Mrkdwn.bold(name)).append('\n').append(Figures.number(value));
      Double before = shown(previous.get(name));
      if (before != null) s.append(' ').append(delta(name, value, before, previousVersion));
      out.add(s.toString());
    }
    return out;
  }

  /** "(1.2 better than v2)", "(0.01 worse than v2)", "(same as v2)". */
  static String delta(String metric, double value, double previous, Integer previousVersion) {
    String than = previousVersion == null ? "Production" : "v" + previousVersion;
    if (value == previous) return "(same as " + than + ")";
    String by = Figures.number(Math.abs(value - previous));
    boolean better = MetricDirection.better(metric, value, previous);
    return "(" + by + (better ? " better than " : " worse than ") + than + ")";
  }

  private static List<String> names(Map<String, Double> metrics) {
    return metrics.keySet().stream()
        .filter(k -> shown(metrics.get(k)) != null)
        .sorted(Comparator.comparingInt(MetricFields::rank).thenComparing(k -> k))
        .toList();
  }

  private static int rank(String metric) {
    int i = FIRST.indexOf(metric);
    return i < 0 ? FIRST.size() : i;
  }

  /** The figure as shown; {@code null} for none (a metric that could not be computed: NaN). */
  private static Double shown(Double v) {
    if (v == null || Double.isNaN(v)) return null;
    return Double.parseDouble(Figures.number(v));
  }
}
