package dev.tollgate.activities.report;

import static dev.tollgate.activities.report.Html.esc;
import static dev.tollgate.activities.report.Html.num;
import static dev.tollgate.activities.report.Html.xy;

import dev.tollgate.spec.MetricDirection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each metric of the candidate beside the Production model's on the same holdout: one row per
 * metric, two horizontal bars, each row on its own scale (rmse and r2 do not share one), the value
 * at the end of each bar. Without a Production model the candidate's bar is drawn on the metric's
 * own range (0-1 for shares such as r2 and auc, a labelled axis otherwise).
 */
final class MetricBars {
  static final int WIDTH = 760;
  private static final int ROW = 46;
  private static final int LABEL = 110;
  private static final int BAR = 16;

  private MetricBars() {}

  /**
   * @param baseline the Production model's metrics, or {@code null}: the candidate's bars alone
   */
  static String svg(Map<String, Double> metrics, Map<String, Double> baseline, String baseLabel) {
    var rows = new TreeMap<String, Double>();
    metrics.forEach(
        (k, v) -> {
          if (v != null && Double.isFinite(v)) rows.put(k, v);
        });
    int height = Charts.TOP + 12 + ROW * Math.max(1, rows.size()) + 8;
    String title = baseline == null ? "Metrics on the holdout" : "Metrics vs " + baseLabel;
    StringBuilder svg = Charts.open(WIDTH, height, title);
    Charts.legend(svg, WIDTH - 260, 18, Charts.CURRENT, "candidate");
    if (baseline != null) Charts.legend(svg, WIDTH - 160, 18, Charts.REFERENCE, baseLabel);
    double left = LABEL;
    double right = WIDTH - 170;
    int i = 0;
    for (var m : rows.entrySet()) {
      double top = Charts.TOP + 12 + i++ * ROW;
      Double base = baseline == null ? null : baseline.get(m.getKey());
      double c = m.getValue();
      double lo = Math.min(0, base == null ? c : Math.min(c, base));
      double hi = Math.max(0, base == null ? c : Math.max(c, base));
      if (baseline == null) {
        // Alone, a bar scaled to itself is always full width and says nothing: shares get their
        // 0-1 range, other metrics an axis up to a round number above the value.
        hi = MetricDirection.higherIsBetter(m.getKey()) ? 1 : roundUp(hi);
        axis(svg, lo, hi, left, right, top + BAR + 4);
      }
      if (hi == lo) hi = lo + 1;
      double zero = left + (0 - lo) / (hi - lo) * (right - left);
      Charts.text(svg, left - 8, top + BAR + 2, m.getKey(), "end", "al");
      boolean compared = base != null && Double.isFinite(base);
      bar(
          svg,
          c,
          lo,
          hi,
          left,
          right,
          zero,
          top,
          Charts.CURRENT,
          compared ? change(m.getKey(), c, base) : "");
      if (compared) {
        bar(svg, base, lo, hi, left, right, zero, top + BAR + 2, Charts.REFERENCE, "");
      }
      Charts.line(svg, zero, top - 2, zero, top + 2 * BAR + 4, "axis");
    }
    return Charts.close(svg);
  }

  /** The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least {@code v} (v > 0). */
  static double roundUp(double v) {
    if (!(v > 0)) return 1;
    double power = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * power >= v) return step * power;
    }
    return 10 * power;
  }

  /** Tick labels under a lone bar: where its scale starts, its middle and its end. */
  private static void axis(
      StringBuilder svg, double lo, double hi, double left, double right, double y) {
    for (double f : new double[] {0, 0.5, 1}) {
      double x = left + f * (right - left);
      Charts.line(svg, x, y, x, y + 3, "axis");
      Charts.text(svg, x, y + 13, num(lo + f * (hi - lo)), "middle", "tk");
    }
  }

  /** " (+0.7 %, worse)": the candidate against Production, judged by the metric's direction. */
  static String change(String metric, double candidate, double baseline) {
    if (baseline == 0) return "";
    double pct = 100 * (candidate - baseline) / Math.abs(baseline);
    String abs = String.format(java.util.Locale.ROOT, "%.1f", Math.abs(pct));
    if (abs.equals("0.0")) return "  (±0.0 %)";
    boolean better = MetricDirection.better(metric, candidate, baseline);
    return "  (" + (pct > 0 ? "+" : "−") + abs + " %, " + (better ? "better" : "worse") + ")";
  }

  private static void bar(
      StringBuilder svg,
      double v,
      double lo,
      double hi,
      double left,
      double right,
      double zero,
      double y,
      String color,
      String note) {
    double end = left + (v - lo) / (hi - lo) * (right - left);
    double x = Math.min(zero, end);
    svg.append("<rect x=\"")
        .append(xy(x))
        .append("\" y=\"")
        .append(xy(y))
        .append("\" width=\"")
        .append(xy(Math.max(1, Math.abs(end - zero))))
        .append("\" height=\"")
        .append(BAR)
        .append("\" fill=\"")
        .append(color)
        .append("\"><title>")
        .append(esc(num(v)))
        .append("</title></rect>");
    Charts.text(svg, Math.max(zero, end) + 6, y + BAR - 3, num(v) + note, "start", "tk");
  }
}
