package dev.tollgate.spec;

import java.util.List;

/**
 * The {@code data} keys added for typed columns, checked here so each error names its own key
 * ({@code data.categorical[1]}, {@code data.timestamp}) rather than the record's {@code features}.
 */
final class DataKeys {
  private DataKeys() {}

  /** {@code data.features}: each column once, none of them the target. */
  static List<String> features(YamlSection s, String target) {
    List<String> features = s.distinctStrings("features", true);
    int at = features.indexOf(target);
    if (at >= 0) {
      throw new SpecException(
          s.file(),
          s.key("features") + "[" + at + "]",
          "'" + target + "' is the target (data.target); a column cannot be both");
    }
    return features;
  }

  static List<String> categorical(YamlSection s, List<String> features) {
    List<String> categorical = s.distinctStrings("categorical", false);
    for (int i = 0; i < categorical.size(); i++) {
      String c = categorical.get(i);
      if (!features.contains(c)) {
        throw new SpecException(
            s.file(),
            s.key("categorical") + "[" + i + "]",
            "expected one of the features " + features + ", got '" + c + "'");
      }
    }
    return categorical;
  }

  /** {@code data.max_classes}: classification only, 2 to 100,000. */
  static Integer maxClasses(YamlSection s, Task task) {
    if (!s.has("max_classes")) return null;
    if (task != Task.CLASSIFICATION) {
      throw s.error("max_classes", "applies to task classification only; remove it");
    }
    Integer max = s.integer("max_classes", false);
    if (max < 2 || max > 100_000) {
      throw s.error("max_classes", "expected a whole number from 2 to 100000, got " + max);
    }
    return max;
  }

  private static final java.util.regex.Pattern SIZE =
      java.util.regex.Pattern.compile("(\\d+)\\s*(B|KB|MB|GB|TB)?");

  /**
   * {@code max_bytes}: a whole number of bytes, or with a decimal unit ({@code 500MB}, {@code
   * 2GB}).
   */
  static Long maxBytes(YamlSection s) {
    if (!s.has("max_bytes")) return null;
    com.fasterxml.jackson.databind.JsonNode v = s.raw("max_bytes");
    String text = v.asText().trim().toUpperCase(java.util.Locale.ROOT);
    java.util.regex.Matcher m = SIZE.matcher(text);
    if (!(v.isIntegralNumber() || v.isTextual()) || !m.matches()) {
      throw s.error(
          "max_bytes",
          "expected a size such as 500MB, 2GB or a number of bytes, got '" + v.asText() + "'");
    }
    long unit =
        switch (m.group(2) == null ? "B" : m.group(2)) {
          case "KB" -> 1_000L;
          case "MB" -> 1_000_000L;
          case "GB" -> 1_000_000_000L;
          case "TB" -> 1_000_000_000_000L;
          default -> 1L;
        };
    long bytes;
    try {
      bytes = Math.multiplyExact(Long.parseLong(m.group(1)), unit);
    } catch (ArithmeticException | NumberFormatException e) {
      throw s.error("max_bytes", "too large: '" + v.asText() + "'");
    }
    if (bytes < 1) throw s.error("max_bytes", "expected a positive size, got '" + v.asText() + "'");
    return bytes;
  }

  static String timestamp(YamlSection s, String target, List<String> features) {
    String timestamp = s.string("timestamp", false);
    if (timestamp != null && (timestamp.equals(target) || features.contains(timestamp))) {
      throw s.error(
          "timestamp",
          "expected a column that is neither the target nor a feature (it orders the rows for the"
              + " holdout), got '"
              + timestamp
              + "'");
    }
    return timestamp;
  }
}
