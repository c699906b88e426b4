package dev.tollgate.spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code data}: where the rows are, which columns are the target and the features, and how
 * they are checked. Each key is checked here so its error names its own key ({@code
 * data.categorical[1]}, {@code data.timestamp}) rather than the record's {@code features}.
 */
final class DataKeys {
  private DataKeys() {}

  static DataSpec read(YamlSection s, Path baseDir, Task task) {
    s.rejectUnknownKeys(
        Set.of(
            "train",
            "target",
            "features",
            "min_rows",
            "max_age",
            "categorical",
            "timestamp",
            "missing",
            "max_classes",
            "max_bytes",
            "format"));
    String train = SpecValues.datasetUri(s, "train", baseDir);
    String target = s.string("target", true);
    List<String> features = features(s, target);
    Integer minRows = s.integer("min_rows", false);
    Duration maxAge = s.duration("max_age", false);
    List<String> categorical = categorical(s, features);
    String timestamp = timestamp(s, target, features);
    MissingPolicy missing =
        SpecValues.enumValue(s, "missing", MissingPolicy.class, MissingPolicy.FAIL);
    Integer maxClasses = maxClasses(s, task);
    Long maxBytes = maxBytes(s);
    // any case (Parquet, CSV); absent: the URI's name decides, as before the key existed
    DataFormat format =
        s.has("format") ? SpecValues.enumValue(s, "format", DataFormat.class, null) : null;
    return SpecValues.build(
        s,
        "features",
        () ->
            new DataSpec(
                train,
                target,
                features,
                minRows == null ? 1 : minRows,
                maxAge,
                categorical,
                timestamp,
                missing,
                maxClasses,
                maxBytes,
                null,
                format));
  }

  /** {@code data.features}: each column once, none of them the target. */
  private static List<String> features(YamlSection s, String target) {
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

  private static List<String> categorical(YamlSection s, List<String> features) {
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
  private static Integer maxClasses(YamlSection s, Task task) {
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
  private static Long maxBytes(YamlSection s) {
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

  private static String timestamp(YamlSection s, String target, List<String> features) {
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
