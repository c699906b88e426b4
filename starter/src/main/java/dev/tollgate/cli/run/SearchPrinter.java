package dev.tollgate.cli.run;

import dev.tollgate.pipeline.Figures;
import dev.tollgate.pipeline.SearchSummary;
import dev.tollgate.spec.ParamValue;
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
  private static String params(Map<String, ParamValue> params) {
    return new java.util.TreeMap<>(params)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + value(e.getValue()))
            .collect(Collectors.joining(" "));
  }

  /** A number as a figure, a choice (grow_policy) or a flag as written. */
  private static String value(ParamValue value) {
    return value instanceof ParamValue.Numeric n ? Figures.number(n.value()) : value.toString();
  }
}
