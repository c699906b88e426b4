package dev.tollgate.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The medians, the ratio and the overhead against the goal: stage <= 1.1 x by hand + 2 s. */
final class Summary {
  private Summary() {}

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static void print(CommandOverheadBenchmark.Tee log, List<Double> hand, List<Double> stage) {
    double h = median(hand);
    double s = median(stage);
    double goal = 1.1 * h + 2;
    log.line("");
    log.line("| side | runs | wall s (median) | min | max |");
    log.line("|---|---:|---:|---:|---:|");
    log.line("| by hand | %d | %.2f | %.2f | %.2f |", hand.size(), h, min(hand), max(hand));
    log.line("| train stage | %d | %.2f | %.2f | %.2f |", stage.size(), s, min(stage), max(stage));
    log.line(
        "ratio %.3fx; overhead %.2f s; goal %.2f s (1.1 x %.2f + 2): %s",
        s / h,
        s - h,
        goal,
        h,
        s <= goal ? "MET (" + String.format("%.2f", goal - s) + " s to spare)" : "MISSED");
  }

  private static double min(List<Double> v) {
    return Collections.min(v);
  }

  private static double max(List<Double> v) {
    return Collections.max(v);
  }
}
