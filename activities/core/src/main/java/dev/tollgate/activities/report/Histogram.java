package dev.tollgate.activities.report;

import static dev.tollgate.activities.report.Html.xy;

/**
 * One feature's reference and current distributions on shared bins over both ranges, each bar the
 * share of its own rows (so sets of different sizes compare), the two bars of a bin side by side.
 */
final class Histogram {
  static final int WIDTH = 400;
  static final int HEIGHT = 240;
  private static final int BINS = 20;

  private Histogram() {}

  static String svg(String feature, double[] reference, double[] current) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] values : new double[][] {reference, current}) {
      for (double v : values) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    StringBuilder svg = Charts.open(WIDTH, HEIGHT, feature);
    if (min > max) {
      Charts.text(svg, WIDTH / 2.0, HEIGHT / 2.0, "no finite values", "middle", "tk");
      return Charts.close(svg);
    }
    if (max == min) {
      // One value: a unit-wide range centred on it, so its bars stand in the middle.
      min -= 0.5;
      max += 0.5;
    }
    double[] ref = shares(reference, min, max);
    double[] cur = shares(current, min, max);
    double top = 0;
    for (int i = 0; i < BINS; i++) top = Math.max(top, Math.max(ref[i], cur[i]));
    Scale x = Scale.of(min, max, Charts.LEFT, WIDTH - Charts.RIGHT, 5);
    Scale y = Scale.of(0, top, HEIGHT - Charts.BOTTOM, Charts.TOP, 4);
    Charts.axes(svg, x, y, feature, "share of rows");
    double width = (max - min) / BINS;
    bars(svg, ref, min, width, x, y, Charts.REFERENCE, 0);
    bars(svg, cur, min, width, x, y, Charts.CURRENT, 1);
    Charts.legend(svg, WIDTH - 170, 18, Charts.REFERENCE, "reference");
    Charts.legend(svg, WIDTH - 85, 18, Charts.CURRENT, "current");
    return Charts.close(svg);
  }

  private static void bars(
      StringBuilder svg,
      double[] shares,
      double min,
      double width,
      Scale x,
      Scale y,
      String color,
      int half) {
    for (int i = 0; i < BINS; i++) {
      if (shares[i] == 0) continue;
      // Each bin holds the reference bar in its left half and the current bar in its right half.
      double left = x.px(min + i * width);
      double mid = x.px(min + (i + 0.5) * width);
      double right = x.px(min + (i + 1) * width);
      double x0 = half == 0 ? left + 1 : mid;
      double x1 = half == 0 ? mid : right - 1;
      double y0 = y.px(shares[i]);
      svg.append("<rect x=\"")
          .append(xy(x0))
          .append("\" y=\"")
          .append(xy(y0))
          .append("\" width=\"")
          .append(xy(Math.max(0.5, x1 - x0)))
          .append("\" height=\"")
          .append(xy(y.from() - y0))
          .append("\" fill=\"")
          .append(color)
          .append("\"/>");
    }
  }

  /** The share of finite values in each of {@link #BINS} equal bins over {@code [min, max]}. */
  static double[] shares(double[] values, double min, double max) {
    double[] counts = new double[BINS];
    int n = 0;
    for (double v : values) {
      if (!Double.isFinite(v)) continue;
      int bin = (int) ((v - min) / (max - min) * BINS);
      counts[Math.min(BINS - 1, Math.max(0, bin))]++;
      n++;
    }
    for (int i = 0; i < BINS; i++) counts[i] = n == 0 ? 0 : counts[i] / n;
    return counts;
  }
}
