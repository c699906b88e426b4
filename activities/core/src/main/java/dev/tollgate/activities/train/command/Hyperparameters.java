package dev.tollgate.activities.train.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.spec.ParamValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's hyperparameters in the two forms the contract gives them: {@code hyperparameters.json}
 * (typed JSON: numbers, strings, booleans) and {@code --key value} arguments.
 */
public final class Hyperparameters {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, ParamValue> values;

  public Hyperparameters(Map<String, ParamValue> values) {
    this.values = values;
  }

  public Map<String, String> values() {
    Map<String, String> text = new LinkedHashMap<>();
    values.forEach((k, v) -> text.put(k, argument(v)));
    return text;
  }

  /** The JSON object, values typed: {@code {"max_depth": 6, "loss": "log_loss"}}. */
  public String json() {
    Map<String, Object> plain = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> plain.put(k, v instanceof ParamValue.Numeric n ? number(n.value()) : v.plain()));
    try {
      return JSON.writeValueAsString(plain);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("hyperparameters not writable as JSON", e);
    }
  }

  /** {@code --max_depth 6 --loss log_loss --warm_start true}, in the spec's order. */
  public List<String> arguments() {
    List<String> args = new ArrayList<>();
    values.forEach(
        (k, v) -> {
          args.add("--" + k);
          args.add(argument(v));
        });
    return args;
  }

  /**
   * A whole number without its ".0" ({@code 6}, not {@code 6.0}): a script's {@code
   * argparse(type=int)} refuses "6.0", and one with {@code type=float} reads "6" as well.
   */
  private static String argument(ParamValue v) {
    return v instanceof ParamValue.Numeric n ? number(n.value()).toString() : v.toString();
  }

  private static Number number(double d) {
    if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) return (long) d;
    return d;
  }
}
