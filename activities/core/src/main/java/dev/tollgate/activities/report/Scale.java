package dev.tollgate.activities.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear map from data values to pixels, with "nice" tick values (1, 2 or 5 × 10^k) covering the
 * domain, which is widened to the outer ticks so axes end on a labelled value.
 */
record Scale(double lo, double hi, double from, double to, List<Double> ticks) {

  /** A scale over {@code [min, max]} onto the pixels {@code [from, to]}, about {@code n} ticks. */
  static Scale of(double min, double max, double from, double to, int n) {
    if (!(max > min)) {
      double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
      min -= pad;
      max += pad;
    }
    double step = niceStep((max - min) / Math.max(1, n));
    double lo = Math.floor(min / step) * step;
    double hi = Math.ceil(max / step) * step;
    List<Double> ticks = new ArrayList<>();
    for (double t = lo; t <= hi + step / 2; t += step) ticks.add(Math.abs(t) < step / 1e6 ? 0 : t);
    return new Scale(lo, hi, from, to, List.copyOf(ticks));
  }

  static double niceStep(double raw) {
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / mag;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nice * mag;
  }

  double px(double v) {
    return from + (v - lo) / (hi - lo) * (to - from);
  }
}
