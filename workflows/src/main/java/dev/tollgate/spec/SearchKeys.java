package dev.tollgate.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Reads {@code training.search}: method, trials, parallelism, metric and the search space. */
final class SearchKeys {
  private SearchKeys() {}

  static SearchSpec read(YamlSection s, Task task, String algorithm, Set<String> metrics) {
    s.rejectUnknownKeys(Set.of("method", "trials", "parallelism", "metric", "space"));
    SearchSpec.Method method =
        SpecValues.enumValue(s, "method", SearchSpec.Method.class, SearchSpec.Method.RANDOM);
    Map<String, SearchSpec.ParamSpace> space =
        space(s.section("space", true), task, algorithm, method);
    Integer trials = s.integer("trials", method == SearchSpec.Method.RANDOM);
    long gridSize = SearchPlan.gridSize(space);
    if (method == SearchSpec.Method.GRID) {
      if (trials == null) trials = (int) Math.min(gridSize, Integer.MAX_VALUE);
      if (gridSize > trials) {
        throw s.error(
            "trials",
            "the grid has "
                + gridSize
                + " combinations but trials is "
                + trials
                + "; expected trials ≥ "
                + gridSize
                + " or a smaller space (or method: random)");
      }
      trials = (int) gridSize; // what the grid runs, whatever larger number the spec allowed
    }
    if (trials < 1 || trials > 1000) throw s.error("trials", "expected 1 to 1000, got " + trials);
    Integer parallelism = s.integer("parallelism", false);
    if (parallelism != null && (parallelism < 1 || parallelism > 64)) {
      throw s.error("parallelism", "expected 1 to 64, got " + parallelism);
    }
    String metric = s.string("metric", false);
    if (metric == null) metric = task == Task.REGRESSION ? "rmse" : "f1";
    if (!metrics.contains(metric)) {
      throw s.error(
          "metric",
          "expected one of " + new java.util.TreeSet<>(metrics) + ", got '" + metric + "'");
    }
    String chosen = metric;
    int trialCount = trials;
    int parallel = parallelism == null ? 2 : parallelism;
    return SpecValues.build(
        s, "space", () -> new SearchSpec(method, trialCount, parallel, chosen, space));
  }

  private static Map<String, SearchSpec.ParamSpace> space(
      YamlSection s, Task task, String algorithm, SearchSpec.Method method) {
    Map<String, Algorithms.Param> allowed = new TreeMap<>();
    Algorithms.params(task, algorithm).forEach(p -> allowed.put(p.name(), p));
    s.rejectUnknownKeys(allowed.keySet());
    Map<String, SearchSpec.ParamSpace> space = new TreeMap<>();
    for (Iterator<String> it = s.keys(); it.hasNext(); ) {
      String name = it.next();
      space.put(name, candidates(s, name, allowed.get(name), method));
    }
    if (space.isEmpty())
      throw new SpecException(
          s.file(), s.key("(any)"), "expected at least one hyperparameter to search");
    return space;
  }

  private static SearchSpec.ParamSpace candidates(
      YamlSection s, String name, Algorithms.Param param, SearchSpec.Method method) {
    JsonNode node = s.raw(name);
    if (node.isArray()) {
      if (node.isEmpty()) throw s.error(name, "expected at least one candidate value");
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        values.add(check(s, name + "[" + i + "]", node.get(i), param));
      }
      // A repeated candidate would train the same trial twice.
      s.refuseRepeats(
          name,
          values,
          v ->
              param.isChoice()
                  ? param.choices().get(v.intValue())
                  : (v == Math.rint(v) ? Long.toString(v.longValue()) : v.toString()));
      return new SearchSpec.ParamSpace(values, null, null);
    }
    if (node.isObject() && param.isChoice()) {
      throw s.error(
          name, "expected a list of choices such as " + param.choices() + ", not a range");
    }
    if (node.isObject() && method == SearchSpec.Method.RANDOM) {
      YamlSection range = s.section(name, true);
      range.rejectUnknownKeys(Set.of("min", "max"));
      double min = check(range, "min", range.raw("min"), param);
      double max = check(range, "max", range.raw("max"), param);
      if (min > max) throw s.error(name, "expected min ≤ max, got " + min + " > " + max);
      return new SearchSpec.ParamSpace(null, min, max);
    }
    throw s.error(
        name,
        method == SearchSpec.Method.GRID
            ? "expected a list of values such as [4, 6, 8] (grid search takes lists only)"
            : "expected a list of values such as [4, 6, 8] or a range {min: 0.01, max: 0.3}");
  }

  private static double check(YamlSection s, String key, JsonNode v, Algorithms.Param p) {
    if (p.isChoice()) {
      int index = v != null && v.isTextual() ? p.indexOf(v.asText()) : -1;
      if (index < 0) {
        throw s.error(
            key,
            "expected one of "
                + p.choices()
                + ", got "
                + (v != null && v.isTextual() ? "'" + v.asText() + "'" : YamlSection.kind(v)));
      }
      return index;
    }
    if (v == null || !v.isNumber())
      throw s.error(key, "expected a number, got " + YamlSection.kind(v));
    double d = v.asDouble();
    if (p.integer() && d != Math.rint(d)) throw s.error(key, "expected a whole number, got " + d);
    if (d < p.min() || d > p.max()) {
      throw s.error(
          key,
          String.format(
              Locale.ROOT, "expected a value from %s to %s, got %s", p.min(), p.max(), d));
    }
    return d;
  }
}
