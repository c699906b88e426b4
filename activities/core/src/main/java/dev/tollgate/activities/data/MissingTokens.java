package dev.tollgate.activities.data;

/**
 * Which field values count as missing. In number and timestamp columns: an empty field and the
 * usual placeholders {@code NA}, {@code N/A}, {@code NaN} and {@code null} (any case), which are
 * never numbers. In category and class-label columns only the empty field: {@code NA} is a real
 * category often enough (North America, not applicable) that guessing otherwise would be wrong.
 */
final class MissingTokens {
  private static final String[] PLACEHOLDERS = {"NA", "N/A", "NaN", "null"};

  private MissingTokens() {}

  static boolean isMissing(CsvLine fields, int f, boolean categorical) {
    if (!fields.isPlain(f)) {
      String text = fields.text(f);
      return text.isEmpty() || (!categorical && isPlaceholder(text, 0, text.length()));
    }
    int start = fields.start(f);
    int length = fields.end(f) - start;
    return length == 0 || (!categorical && isPlaceholder(fields.line(), start, length));
  }

  private static boolean isPlaceholder(String text, int start, int length) {
    if (length > 4) return false;
    for (String p : PLACEHOLDERS) {
      if (p.length() == length && text.regionMatches(true, start, p, 0, length)) return true;
    }
    return false;
  }
}
