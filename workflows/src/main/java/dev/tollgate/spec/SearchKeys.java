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

  static SearchSpec read(YamlSection s, Task task, Algorithm algorithm, Set<String> metrics) {
    s.rejectUnknownKeys(Set.of("method", "trials", "parallelism", "metric", "space"));
    SearchSpec.Method method =
        SpecValues.enumValue(s, "method", SearchSpec.Method.class, SearchSpec.Method.RANDOM);
    Map<String, SearchSpec.ParamSpace> space = space(s.section("space", true), algorithm, method);
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
      YamlSection s, Algorithm algorithm, SearchSpec.Method method) {
    s.rejectUnknownKeys(algorithm.hyperparameterNames());
    Map<String, SearchSpec.ParamSpace> space = new TreeMap<>();
    for (Iterator<String> it = s.keys(); it.hasNext(); ) {
      String name = it.next();
      space.put(name, candidates(s, name, algorithm.hyperparameter(name), method));
    }
    if (space.isEmpty())
      throw new SpecException(
          s.file(), s.key("(any)"), "expected at least one hyperparameter to search");
    return space;
  }

  private static SearchSpec.ParamSpace candidates(
      YamlSection s, String name, Hyperparameter param, SearchSpec.Method method) {
    JsonNode node = s.raw(name);
    if (node.isArray()) {
      if (node.isEmpty()) throw s.error(name, "expected at least one candidate value");
      List<ParamValue> values = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        values.add(check(s, name + "[" + i + "]", node.get(i), param));
      }
      // A repeated candidate would train the same trial twice.
      s.refuseRepeats(
          name,
          values,
          v -> v instanceof ParamValue.Numeric n ? SpecValues.fmt(n.value()) : v.toString());
      return new SearchSpec.ParamSpace(values, null, null);
    }
    if (node.isObject() && param.type() == Hyperparameter.Type.CHOICE) {
      throw s.error(
          name, "expected a list of choices such as " + param.choices() + ", not a range");
    }
    if (node.isObject() && param.type() == Hyperparameter.Type.FLAG) {
      throw s.error(name, "expected a list such as [true, false], not a range");
    }
    if (node.isObject() && method == SearchSpec.Method.RANDOM) {
      YamlSection range = s.section(name, true);
      range.rejectUnknownKeys(Set.of("min", "max"));
      double min = number(range, "min", range.raw("min"), param);
      double max = number(range, "max", range.raw("max"), param);
      if (min > max) throw s.error(name, "expected min ≤ max, got " + min + " > " + max);
      return new SearchSpec.ParamSpace(null, min, max);
    }
    throw s.error(
        name,
        method == SearchSpec.Method.GRID
            ? "expected a list of values such as [4, 6, 8] (grid search takes lists only)"
            : "expected a list of values such as [4, 6, 8] or a range {min: 0.01, max: 0.3}");
  }

  /** A candidate of the hyperparameter's type: one of its choices, true or false, or a number. */
  private static ParamValue check(YamlSection s, String key, JsonNode v, Hyperparameter p) {
    if (p.type() == Hyperparameter.Type.CHOICE) {
      if (v == null || !v.isTextual() || !p.choices().contains(v.asText())) {
        throw s.error(
            key,
            "expected one of "
                + p.choices()
                + ", got "
                + (v != null && v.isTextual() ? "'" + v.asText() + "'" : YamlSection.kind(v)));
      }
      return ParamValue.text(v.asText());
    }
    if (p.type() == Hyperparameter.Type.FLAG) {
      if (v == null || !v.isBoolean())
        throw s.error(key, "expected true or false, got " + YamlSection.kind(v));
      return ParamValue.flag(v.asBoolean());
    }
    return ParamValue.number(number(s, key, v, p));
  }

  private static double number(YamlSection s, String key, JsonNode v, Hyperparameter p) {
    if (v == null || !v.isNumber())
      throw s.error(key, "expected a number, got " + YamlSection.kind(v));
    double d = v.asDouble();
    if (p.type() == Hyperparameter.Type.INTEGER && d != Math.rint(d))
      throw s.error(key, "expected a whole number, got " + d);
    if (d < p.min() || d > p.max()) {
      throw s.error(
          key,
          String.format(
              Locale.ROOT, "expected a value from %s to %s, got %s", p.min(), p.max(), d));
    }
    return d;
  }
}
