package dev.tollgate.cli.run;

import dev.tollgate.pipeline.Figures;
import dev.tollgate.pipeline.SearchSummary;
import dev.tollgate.spec.Algorithms;
import dev.tollgate.stages.TrialResult;
import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** The hyperparameter search's trials, one line each, the winner marked. */
final class SearchPrinter {
  private SearchPrinter() {}

  static void print(PrintWriter out, SearchSummary search) {
    if (search == null) return;
    out.println(
        "Search by "
            + search.metric()
            + " ("
            + dev.tollgate.pipeline.Figures.count(search.trials().size(), "trial")
            + "):");
    for (TrialResult t : search.trials()) {
      String mark = search.bestIndex() != null && search.bestIndex() == t.index() ? "★" : " ";
      String result =
          t.succeeded()
              ? search.metric() + " " + Figures.number(t.metrics().get(search.metric()))
              : "failed: " + t.failure();
      out.printf("  %s #%-3d %-40s %s%n", mark, t.index(), params(t.params()), result);
    }
  }

  /** In name order: a trial's params are an unordered map, and lines should line up. */
  private static String params(Map<String, Double> params) {
    return new java.util.TreeMap<>(params)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + value(e.getKey(), e.getValue()))
            .collect(Collectors.joining(" "));
  }

  /** A choice (grow_policy) by its name, a number as a figure. */
  private static String value(String name, double value) {
    String choice = Algorithms.describe(name, value);
    return choice != null ? choice : Figures.number(value);
  }
}
