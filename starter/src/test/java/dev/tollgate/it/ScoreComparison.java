package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares what a deployed ONNX model answered over HTTP (ONNX Runtime for Java) with the library's
 * own answers for the same rows (score.py's CSV: a header, then one line per row), and the metric
 * Tollgate measured with what the library's answers give on the holdout the test derived, which
 * shows it is the holdout Tollgate scored.
 */
final class ScoreComparison {
  private ScoreComparison() {}

  /**
   * A classifier: each served label's probability ({@code scores}) within {@code tolerance} of
   * predict_proba's for that label, and the same label as predict wherever the two most likely
   * classes are further apart than the tolerance.
   */
  static void classifier(JsonNode served, List<String[]> library, double tolerance) {
    List<String> header = List.of(library.get(0));
    List<String> off = new ArrayList<>();
    double worst = 0;
    for (int i = 0; i + 1 < library.size(); i++) {
      String[] own = library.get(i + 1);
      String label = served.path("predictions").get(i).asText();
      double score = served.path("scores").get(i).asDouble();
      int column = header.indexOf("p_" + label);
      assertThat(column).as("served label #%d is one of %s", i, header).isPositive();
      double p = Double.parseDouble(own[column]);
      worst = Math.max(worst, Math.abs(score - p));
      if (Math.abs(score - p) > tolerance)
        off.add("row " + i + ": ONNX " + score + ", sklearn " + p);
      if (!label.equals(own[0]) && Math.abs(2 * p - 1) > 2 * tolerance) {
        off.add("row " + i + ": ONNX says " + label + ", sklearn " + own[0] + " (p " + p + ")");
      }
    }
    assertThat(served.path("predictions").size()).isEqualTo(library.size() - 1);
    System.out.printf(
        "classifier: %d rows, largest |ONNX Runtime - predict_proba| %.3g%n",
        library.size() - 1, worst);
    assertThat(off).as("largest difference %s", worst).isEmpty();
  }

  /** A regressor: each served value within {@code tolerance}, relative, of predict's. */
  static void regressor(JsonNode served, List<String[]> library, double tolerance) {
    List<String> off = new ArrayList<>();
    double worst = 0;
    for (int i = 0; i + 1 < library.size(); i++) {
      double own = Double.parseDouble(library.get(i + 1)[0]);
      double onnx = served.path("predictions").get(i).asDouble();
      double relative = Math.abs(onnx - own) / Math.max(1, Math.abs(own));
      worst = Math.max(worst, relative);
      if (relative > tolerance) off.add("row " + i + ": ONNX " + onnx + ", library " + own);
    }
    assertThat(served.path("predictions").size()).isEqualTo(library.size() - 1);
    System.out.printf(
        "regressor: %d rows, largest relative |ONNX Runtime - predict| %.3g%n",
        library.size() - 1, worst);
    assertThat(off).as("largest relative difference %s", worst).isEmpty();
  }

  /**
   * Tollgate's measured accuracy (classifier) or rmse (regressor), from the registry, equals what
   * the library's answers give on the derived holdout: one row's disagreement at most, or 1e-4
   * relative.
   */
  static void measuredOnThisHoldout(
      JsonNode registry,
      RunStatus status,
      HoldoutRows holdout,
      List<String[]> library,
      boolean classifier) {
    JsonNode metrics = registry.path("versions").get(0).path("metrics");
    String name = classifier ? "accuracy" : "rmse";
    assertThat(metrics.path(name).isNumber()).as("%s in %s", name, registry).isTrue();
    double measured = metrics.path(name).asDouble();
    System.out.printf(
        "Tollgate measured %s %s on %d holdout rows%n", name, measured, holdout.targets().size());
    int n = holdout.targets().size();
    double ours;
    if (classifier) {
      int right = 0;
      for (int i = 0; i < n; i++)
        if (library.get(i + 1)[0].equals(holdout.targets().get(i))) right++;
      ours = right / (double) n;
      assertThat(Math.abs(measured - ours))
          .as(
              "Tollgate's accuracy %s, the library's on this holdout %s (%s)",
              measured, ours, status)
          .isLessThanOrEqualTo(1.0 / n + 1e-12);
    } else {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        double e =
            Double.parseDouble(library.get(i + 1)[0])
                - Double.parseDouble(holdout.targets().get(i));
        sum += e * e;
      }
      ours = Math.sqrt(sum / n);
      assertThat(Math.abs(measured - ours) / ours)
          .as("Tollgate's rmse %s, the library's on this holdout %s (%s)", measured, ours, status)
          .isLessThanOrEqualTo(1e-4);
    }
  }
}
