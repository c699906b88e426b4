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

  /** Whether a field's text (trimmed, unquoted) is a missing value. */
  static boolean isMissing(String text, boolean categorical) {
    return text.isEmpty() || (!categorical && isPlaceholder(text, 0, text.length()));
  }

  private static boolean isPlaceholder(String text, int start, int length) {
    if (length > 4) return false;
    for (String p : PLACEHOLDERS) {
      if (p.length() == length && text.regionMatches(true, start, p, 0, length)) return true;
    }
    return false;
  }

  /** {@code bytes[start, start + length)} is a placeholder, any case (they are ASCII). */
  static boolean isPlaceholder(byte[] bytes, int start, int length) {
    if (length > 4 || (bytes[start] | 0x20) != 'n') return false; // each starts with N or n
    for (String p : PLACEHOLDERS) {
      if (p.length() == length && matches(bytes, start, p)) return true;
    }
    return false;
  }

  private static boolean matches(byte[] bytes, int start, String placeholder) {
    for (int i = 0; i < placeholder.length(); i++) {
      int b = bytes[start + i];
      int lower = b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
      if (lower != Character.toLowerCase(placeholder.charAt(i))) return false;
    }
    return true;
  }
}
