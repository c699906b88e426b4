package dev.tollgate.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads {@code training.params}: only the algorithm's hyperparameters, each of its type (a number,
 * a whole number, one of its choices, true or false) and within its range.
 */
final class ParamKeys {
  private ParamKeys() {}

  static Map<String, ParamValue> read(YamlSection p, Algorithm algorithm) {
    Map<String, ParamValue> params = new HashMap<>();
    if (p == null) return params;
    p.rejectUnknownKeys(algorithm.hyperparameterNames());
    for (Hyperparameter h : algorithm.hyperparameters()) {
      ParamValue value = value(p, h);
      if (value != null) params.put(h.name(), value);
    }
    return params;
  }

  private static ParamValue value(YamlSection p, Hyperparameter h) {
    String name = h.name();
    switch (h.type()) {
      case CHOICE -> {
        String text = p.string(name, false);
        if (text == null) return null;
        if (!h.choices().contains(text)) {
          throw p.error(name, "expected one of " + h.choices() + ", got '" + text + "'");
        }
        return ParamValue.text(text);
      }
      case FLAG -> {
        Boolean flag = p.bool(name);
        return flag == null ? null : ParamValue.flag(flag);
      }
      default -> {
        Integer whole = h.type() == Hyperparameter.Type.INTEGER ? p.integer(name, false) : null;
        Double v = whole != null ? Double.valueOf(whole) : p.number(name, false);
        if (v == null) return null;
        if (v < h.min() || v > h.max()) {
          throw p.error(
              name,
              "expected a value from "
                  + SpecValues.fmt(h.min())
                  + " to "
                  + SpecValues.fmt(h.max())
                  + ", got "
                  + SpecValues.fmt(v));
        }
        return ParamValue.number(v);
      }
    }
  }
}
