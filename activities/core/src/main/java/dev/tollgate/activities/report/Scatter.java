package dev.tollgate.activities.report;

import static dev.tollgate.activities.report.Html.xy;

/**
 * Regression diagnostics on the holdout: predicted against actual with the identity line, and the
 * residuals (actual − predicted) against the prediction with the zero line. At most {@link
 * #MAX_POINTS} points are drawn, an even stride through the rows, so the page stays light.
 */
final class Scatter {
  static final int MAX_POINTS = 2000;
  static final int WIDTH = 600;
  static final int HEIGHT = 440;

  private Scatter() {}

  static String predictedVsActual(double[] actual, double[] predicted) {
    int[] rows = sample(actual.length);
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i : rows) {
      lo = Math.min(lo, Math.min(actual[i], predicted[i]));
      hi = Math.max(hi, Math.max(actual[i], predicted[i]));
    }
    String title = "Predicted vs actual (" + rows.length + " of " + actual.length + " rows)";
    StringBuilder svg = Charts.open(WIDTH, HEIGHT, title);
    if (rows.length == 0) return Charts.close(svg);
    Scale x = Scale.of(lo, hi, Charts.LEFT, WIDTH - Charts.RIGHT, 8);
    Scale y = Scale.of(lo, hi, HEIGHT - Charts.BOTTOM, Charts.TOP, 8);
    Charts.axes(svg, x, y, "actual", "predicted");
    double a = Math.max(x.lo(), y.lo());
    double b = Math.min(x.hi(), y.hi());
    svg.append("<line class=\"ref\" x1=\"")
        .append(xy(x.px(a)))
        .append("\" y1=\"")
        .append(xy(y.px(a)))
        .append("\" x2=\"")
        .append(xy(x.px(b)))
        .append("\" y2=\"")
        .append(xy(y.px(b)))
        .append("\"/>");
    points(svg, rows, actual, predicted, x, y);
    Charts.line(svg, WIDTH - 170, 14, WIDTH - 150, 14, "ref");
    Charts.text(svg, WIDTH - 145, 18, "predicted = actual", "start", "tk");
    return Charts.close(svg);
  }

  static String residuals(double[] actual, double[] predicted) {
    int[] rows = sample(actual.length);
    double[] residual = new double[actual.length];
    double xLo = Double.POSITIVE_INFINITY;
    double xHi = Double.NEGATIVE_INFINITY;
    double r = 0;
    for (int i : rows) {
      residual[i] = actual[i] - predicted[i];
      xLo = Math.min(xLo, predicted[i]);
      xHi = Math.max(xHi, predicted[i]);
      r = Math.max(r, Math.abs(residual[i]));
    }
    String title = "Residuals (actual − predicted) by prediction";
    StringBuilder svg = Charts.open(WIDTH, HEIGHT, title);
    if (rows.length == 0) return Charts.close(svg);
    Scale x = Scale.of(xLo, xHi, Charts.LEFT, WIDTH - Charts.RIGHT, 8);
    Scale y = Scale.of(-r, r, HEIGHT - Charts.BOTTOM, Charts.TOP, 6);
    Charts.axes(svg, x, y, "predicted", "residual");
    Charts.line(svg, x.from(), y.px(0), x.to(), y.px(0), "ref");
    points(svg, rows, predicted, residual, x, y);
    return Charts.close(svg);
  }

  private static void points(
      StringBuilder svg, int[] rows, double[] xs, double[] ys, Scale x, Scale y) {
    svg.append("<g fill=\"").append(Charts.REFERENCE).append("\" fill-opacity=\"0.45\">");
    for (int i : rows) {
      if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) continue;
      svg.append("<circle cx=\"")
          .append(xy(x.px(xs[i])))
          .append("\" cy=\"")
          .append(xy(y.px(ys[i])))
          .append("\" r=\"2.2\"/>");
    }
    svg.append("</g>");
  }

  /** Row indices: all of them, or an even stride of {@link #MAX_POINTS}. */
  static int[] sample(int n) {
    int k = Math.min(n, MAX_POINTS);
    int[] rows = new int[k];
    for (int i = 0; i < k; i++) rows[i] = (int) ((long) i * n / k);
    return rows;
  }
}
