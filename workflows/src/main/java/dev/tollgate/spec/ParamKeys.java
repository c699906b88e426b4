package dev.tollgate.spec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code training.params}: only the algorithm's hyperparameters, each within its range. */
final class ParamKeys {
  private ParamKeys() {}

  static Map<String, Double> read(YamlSection p, List<Algorithms.Param> allowed) {
    Map<String, Double> params = new HashMap<>();
    if (p == null) return params;
    Set<String> names = new java.util.TreeSet<>();
    allowed.forEach(a -> names.add(a.name()));
    p.rejectUnknownKeys(names);
    for (Algorithms.Param a : allowed) {
      if (a.isChoice()) {
        String text = p.string(a.name(), false);
        if (text == null) continue;
        int index = a.indexOf(text);
        if (index < 0) {
          throw p.error(a.name(), "expected one of " + a.choices() + ", got '" + text + "'");
        }
        params.put(a.name(), (double) index);
        continue;
      }
      Double v = a.integer() ? toDouble(p.integer(a.name(), false)) : p.number(a.name(), false);
      if (v == null) continue;
      if (v < a.min() || v > a.max()) {
        throw p.error(
            a.name(),
            "expected a value from "
                + SpecValues.fmt(a.min())
                + " to "
                + SpecValues.fmt(a.max())
                + ", got "
                + SpecValues.fmt(v));
      }
      params.put(a.name(), v);
    }
    return params;
  }

  private static Double toDouble(Integer i) {
    return i == null ? null : i.doubleValue();
  }
}
