package dev.tollgate.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The parameter sets a search tries, computed from the spec alone: pure and seeded, so the workflow
 * computes the same plan on every replay and the same spec always tries the same trials.
 */
public final class SearchPlan {
  private SearchPlan() {}

  /** Full hyperparameter maps (the spec's fixed params, overridden by each trial's choices). */
  public static List<Map<String, ParamValue>> trials(Task task, TrainingSpec training) {
    SearchSpec search = training.search();
    List<Map<String, ParamValue>> choices =
        search.method() == SearchSpec.Method.GRID
            ? grid(search.space())
            : random(task, training.algorithm(), search, training.seed());
    List<Map<String, ParamValue>> trials = new ArrayList<>();
    for (Map<String, ParamValue> choice : choices) {
      Map<String, ParamValue> params = new TreeMap<>(training.params());
      params.putAll(choice);
      trials.add(Map.copyOf(params));
    }
    return trials;
  }

  /** The number of combinations a grid has; {@link Long#MAX_VALUE} when it is larger than that. */
  public static long gridSize(Map<String, SearchSpec.ParamSpace> space) {
    long n = 1;
    for (SearchSpec.ParamSpace p : space.values()) {
      try {
        n = Math.multiplyExact(n, p.ranged() ? 1 : p.values().size());
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }
    return n;
  }

  private static List<Map<String, ParamValue>> grid(Map<String, SearchSpec.ParamSpace> space) {
    List<Map<String, ParamValue>> combos = new ArrayList<>();
    combos.add(new TreeMap<>());
    for (Map.Entry<String, SearchSpec.ParamSpace> e : new TreeMap<>(space).entrySet()) {
      List<Map<String, ParamValue>> next = new ArrayList<>();
      for (Map<String, ParamValue> partial : combos) {
        for (ParamValue value : e.getValue().values()) {
          Map<String, ParamValue> combo = new TreeMap<>(partial);
          combo.put(e.getKey(), value);
          next.add(combo);
        }
      }
      combos = next;
    }
    return combos;
  }

  private static List<Map<String, ParamValue>> random(
      Task task, String algorithm, SearchSpec search, long seed) {
    Random random = new Random(seed);
    List<Map<String, ParamValue>> samples = new ArrayList<>();
    for (int t = 0; t < search.trials(); t++) {
      Map<String, ParamValue> sample = new TreeMap<>();
      for (Map.Entry<String, SearchSpec.ParamSpace> e : new TreeMap<>(search.space()).entrySet()) {
        sample.put(e.getKey(), draw(e.getValue(), isInteger(task, algorithm, e.getKey()), random));
      }
      samples.add(sample);
    }
    return samples;
  }

  private static ParamValue draw(SearchSpec.ParamSpace p, boolean integer, Random random) {
    if (!p.ranged()) return p.values().get(random.nextInt(p.values().size()));
    double v = p.min() + random.nextDouble() * (p.max() - p.min());
    return ParamValue.number(integer ? Math.round(v) : v);
  }

  private static boolean isInteger(Task task, String algorithm, String name) {
    Algorithm entry = AlgorithmCatalogue.find(task, algorithm);
    Hyperparameter h = entry == null ? null : entry.hyperparameter(name);
    return h != null && h.type() == Hyperparameter.Type.INTEGER;
  }
}
