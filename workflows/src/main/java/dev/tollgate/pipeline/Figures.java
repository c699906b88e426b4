package dev.tollgate.pipeline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Formats metrics for people: the few that matter, rounded sensibly. Pure, so workflow-safe. */
public final class Figures {
  private static final List<String> KEY_METRICS =
      List.of("rmse", "mae", "r2", "accuracy", "auc", "f1");

  private Figures() {}

  /** "rmse 41.2, r2 0.87": the key metrics present, in a fixed order. */
  public static String keyMetrics(Map<String, Double> metrics) {
    StringJoiner out = new StringJoiner(", ");
    if (metrics == null) return "";
    for (String name : KEY_METRICS) {
      Double v = metrics.get(name);
      if (v != null && (name.equals("rmse") || name.equals("r2"))) out.add(name + " " + number(v));
    }
    if (out.length() == 0) {
      for (String name : KEY_METRICS) {
        Double v = metrics.get(name);
        if (v != null) out.add(name + " " + number(v));
      }
    }
    return out.toString();
  }

  /** "1 check", "12 checks": a count with its noun, singular for one (nouns that take an s). */
  public static String count(long n, String noun) {
    return n + " " + (n == 1 ? noun : noun + "s");
  }

  /** Three significant figures, at most; plain for big numbers. */
  public static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) return Double.toString(v);
    double abs = Math.abs(v);
    if (abs >= 100) return String.format(Locale.ROOT, "%.0f", v);
    if (abs >= 10) return String.format(Locale.ROOT, "%.1f", v);
    if (abs >= 0.01 || abs == 0)
      return String.format(Locale.ROOT, "%.2f", v).replaceAll("0$", "").replaceAll("\\.$", "");
    return String.format(Locale.ROOT, "%.3g", v);
  }
}
