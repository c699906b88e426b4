package dev.tollgate.spec;

import java.util.List;

/**
 * The {@code data} keys added for typed columns, checked here so each error names its own key
 * ({@code data.categorical[1]}, {@code data.timestamp}) rather than the record's {@code features}.
 */
final class DataKeys {
  private DataKeys() {}

  static List<String> categorical(YamlSection s, List<String> features) {
    List<String> categorical = s.strings("categorical", false);
    for (int i = 0; i < categorical.size(); i++) {
      String c = categorical.get(i);
      if (!features.contains(c)) {
        throw new SpecException(
            s.file(),
            s.key("categorical") + "[" + i + "]",
            "expected one of the features " + features + ", got '" + c + "'");
      }
      if (categorical.indexOf(c) != i) {
        throw new SpecException(
            s.file(), s.key("categorical") + "[" + i + "]", "'" + c + "' is listed twice");
      }
    }
    return categorical;
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
