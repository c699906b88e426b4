package dev.tollgate.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One mapping of the spec, read strictly: every getter names the full key path in its error, and
 * {@link #rejectUnknownKeys} refuses keys the spec format does not have (typos must not be silently
 * ignored in a deployment gate).
 */
final class YamlSection {
  private final String file;
  private final String path;
  private final JsonNode node;

  YamlSection(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  String file() {
    return file;
  }

  String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  SpecException error(String name, String problem) {
    return new SpecException(file, key(name), problem);
  }

  boolean has(String name) {
    return node.has(name) && !node.get(name).isNull();
  }

  void rejectUnknownKeys(Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw error(name, "unknown key; expected one of " + new java.util.TreeSet<>(allowed));
      }
    }
  }

  YamlSection section(String name, boolean required) {
    if (!has(name)) {
      if (required) throw error(name, "missing; expected a mapping");
      return null;
    }
    JsonNode child = node.get(name);
    if (!child.isObject())
      throw error(name, "expected a mapping (key: value lines), got " + kind(child));
    return new YamlSection(file, key(name), child);
  }

  String string(String name, boolean required) {
    if (!has(name)) {
      if (required) throw error(name, "missing; expected text");
      return null;
    }
    JsonNode v = node.get(name);
    if (!v.isValueNode() || v.asText().isBlank())
      throw error(name, "expected non-empty text, got " + kind(v));
    return v.asText().trim();
  }

  Double number(String name, boolean required) {
    if (!has(name)) {
      if (required) throw error(name, "missing; expected a number");
      return null;
    }
    JsonNode v = node.get(name);
    if (!v.isNumber()) throw error(name, "expected a number, got " + kind(v));
    if (!Double.isFinite(v.asDouble())) {
      throw error(name, "expected a finite number, got " + v.asText());
    }
    return v.asDouble();
  }

  Integer integer(String name, boolean required) {
    Double d = number(name, required);
    if (d == null) return null;
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE)
      throw error(name, "expected a whole number, got " + d);
    return d.intValue();
  }

  Boolean bool(String name) {
    if (!has(name)) return null;
    JsonNode v = node.get(name);
    if (!v.isBoolean()) throw error(name, "expected true or false, got " + kind(v));
    return v.asBoolean();
  }

  Duration duration(String name, boolean required) {
    String text = string(name, required);
    if (text == null) return null;
    Duration d = Durations.parse(text);
    if (d == null || d.isNegative() || d.isZero()) {
      throw error(name, "expected a positive duration such as 30m, 48h or 7d, got '" + text + "'");
    }
    if (d.compareTo(Durations.LONGEST) > 0) {
      throw error(
          name, "expected at most " + Durations.format(Durations.LONGEST) + ", got '" + text + "'");
    }
    return d;
  }

  List<String> strings(String name, boolean required) {
    if (!has(name)) {
      if (required) throw error(name, "missing; expected a list such as [a, b]");
      return List.of();
    }
    JsonNode v = node.get(name);
    if (!v.isArray()) throw error(name, "expected a list such as [a, b], got " + kind(v));
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode item = v.get(i);
      if (!item.isValueNode() || item.asText().isBlank()) {
        throw new SpecException(
            file, key(name) + "[" + i + "]", "expected non-empty text, got " + kind(item));
      }
      out.add(item.asText().trim());
    }
    return out;
  }

  /**
   * A list whose items must differ: features, approvers, categorical columns. A name listed twice
   * is a mistake that changes meaning (two approvers who are one person can never make a quorum of
   * two), so it is refused at the second place it appears.
   */
  List<String> distinctStrings(String name, boolean required) {
    List<String> items = strings(name, required);
    refuseRepeats(name, items, String::valueOf);
    return items;
  }

  /** Refuses the second occurrence of an item, naming both places. */
  <T> void refuseRepeats(String name, List<T> items, java.util.function.Function<T, String> show) {
    for (int i = 0; i < items.size(); i++) {
      int first = items.indexOf(items.get(i));
      if (first != i) {
        throw new SpecException(
            file,
            key(name) + "[" + i + "]",
            "'" + show.apply(items.get(i)) + "' is listed twice (also at [" + first + "])");
      }
    }
  }

  List<Duration> durations(String name) {
    List<String> texts = strings(name, false);
    List<Duration> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      Duration d = Durations.parse(texts.get(i));
      if (d == null || d.isNegative() || d.isZero() || d.compareTo(Durations.LONGEST) > 0) {
        throw new SpecException(
            file,
            key(name) + "[" + i + "]",
            "expected a positive duration such as 4h, got '" + texts.get(i) + "'");
      }
      out.add(d);
    }
    refuseRepeats(name, out, Durations::format);
    return out;
  }

  /** The raw node under {@code name}, for shapes the typed getters do not cover. */
  JsonNode raw(String name) {
    return node.get(name);
  }

  Iterator<String> keys() {
    return node.fieldNames();
  }

  static String kind(JsonNode v) {
    if (v == null || v.isNull()) return "nothing";
    if (v.isObject()) return "a mapping";
    if (v.isArray()) return "a list";
    if (v.isNumber()) return "the number " + v.asText();
    if (v.isBoolean()) return v.asText();
    return "'" + v.asText() + "'";
  }
}
