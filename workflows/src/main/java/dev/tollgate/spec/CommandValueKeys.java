package dev.tollgate.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code training.params} and {@code training.env} of a training command: plain values only. A
 * command's hyperparameters are its own (no catalogue to check them against), so only their shape
 * is checked: a name that can be a {@code --name} argument and a number, text or flag.
 */
final class CommandValueKeys {
  private static final Pattern PARAM = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");
  private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,99}");

  private CommandValueKeys() {}

  static Map<String, ParamValue> params(YamlSection s) {
    Map<String, ParamValue> out = new LinkedHashMap<>();
    if (s == null) return out;
    for (Iterator<String> names = s.keys(); names.hasNext(); ) {
      String name = names.next();
      if (!PARAM.matcher(name).matches()) {
        throw s.error(
            name,
            "expected a name of letters, digits, '_', '.' or '-' (it becomes --" + name + ")");
      }
      ParamValue value = ParamValue.of(s.raw(name));
      if (value == null) {
        throw s.error(
            name, "expected a number, a text or true/false, got " + YamlSection.kind(s.raw(name)));
      }
      out.put(name, value);
    }
    return out;
  }

  static Map<String, String> env(YamlSection s) {
    Map<String, String> out = new LinkedHashMap<>();
    if (s == null) return out;
    for (Iterator<String> names = s.keys(); names.hasNext(); ) {
      String name = names.next();
      if (!ENV.matcher(name).matches()) {
        throw s.error(name, "expected a variable name of letters, digits and '_'");
      }
      String upper = name.toUpperCase(Locale.ROOT);
      if (upper.startsWith("TOLLGATE_") || upper.startsWith("SM_") || upper.startsWith("AWS_")) {
        throw s.error(
            name,
            "TOLLGATE_*, SM_* and AWS_* are set by the worker (the contract's folders, its"
                + " credentials), never by a spec");
      }
      JsonNode v = s.raw(name);
      if (v == null || !v.isValueNode() || v.isNull()) {
        throw s.error(
            name,
            "expected a plain value (text, number, true/false), got "
                + YamlSection.kind(v)
                + "; secrets come from the worker's environment, not the spec");
      }
      out.put(name, v.asText());
    }
    return out;
  }
}
