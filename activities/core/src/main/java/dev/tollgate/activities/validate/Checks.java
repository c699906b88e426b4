package dev.tollgate.activities.validate;

import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.CheckResult.Status;
import java.util.Locale;

/** Small helpers shared by the checks: results and number formatting for messages. */
final class Checks {
  private Checks() {}

  static CheckResult judged(
      String name, double value, String threshold, boolean ok, String message) {
    return new CheckResult(name, value, threshold, ok ? Status.PASS : Status.FAIL, message);
  }

  static CheckResult skipped(String name, String threshold, String reason) {
    return new CheckResult(name, null, threshold, Status.SKIPPED, reason);
  }

  /**
   * How much worse {@code candidate} is than {@code reference}, relative to it: positive when
   * worse. The floor keeps a perfect reference (rmse 0) from dividing by zero.
   */
  static double worsening(boolean higherIsBetter, double candidate, double reference) {
    return (higherIsBetter ? reference - candidate : candidate - reference)
        / Math.max(Math.abs(reference), 1e-12);
  }

  /** Four significant digits: enough to read, stable across platforms (no locale commas). */
  static String fmt(double value) {
    return String.format(Locale.ROOT, "%.4g", value);
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** Population standard deviation. */
  static double std(double[] values) {
    double mean = mean(values);
    double sum = 0;
    for (double v : values) {
      sum += (v - mean) * (v - mean);
    }
    return Math.sqrt(sum / values.length);
  }
}
