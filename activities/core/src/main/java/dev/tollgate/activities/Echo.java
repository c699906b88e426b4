package dev.tollgate.activities;

import java.util.List;

/**
 * How a failure message quotes what came out of a dataset (a field, a header name, a class label):
 * without control characters and at most {@value #MAX_VALUE} characters of it, so that a file's
 * contents never travel on to the worker log, the events, Slack or the Temporal history beyond a
 * snippet that lets a person find the row. A file that is not the CSV its spec promised (a secret,
 * a binary, one 300 MB line) must not become the message.
 */
public final class Echo {
  /** The most characters of one value a message quotes. */
  public static final int MAX_VALUE = 60;

  /** The most header names a message lists. */
  public static final int MAX_NAMES = 3;

  private Echo() {}

  /** {@code 'abc'}, or {@code 'abc…' (1,234 characters)} when longer than {@value #MAX_VALUE}. */
  public static String value(String text) {
    String clean = clean(text);
    if (clean.length() <= MAX_VALUE) return "'" + clean + "'";
    return String.format(
        java.util.Locale.ROOT,
        "'%s…' (%,d characters)",
        clean.substring(0, MAX_VALUE),
        text.length());
  }

  /** {@code 'a', 'b', 'c'} and, past {@value #MAX_NAMES}, {@code and 17 more}; each a value. */
  public static String names(List<String> names) {
    List<String> shown = names.stream().limit(MAX_NAMES).map(Echo::value).toList();
    int more = names.size() - shown.size();
    return String.join(", ", shown) + (more > 0 ? " and " + more + " more" : "");
  }

  /**
   * {@code text} without control characters (C0, DEL, C1) or the bidirectional overrides that make
   * a terminal show text in another order than it is: line breaks and tabs become a space, the
   * others go. Printable text, accents and other scripts are kept.
   */
  public static String clean(String text) {
    if (text == null) return "null";
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = hidden(c);
      if (control && out == null) out = new StringBuilder(text.length()).append(text, 0, i);
      if (!control) {
        if (out != null) out.append(c);
      } else if (c == '\n' || c == '\r' || c == '\t') {
        out.append(' ');
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * {@code message}, cleaned and cut to {@code max} characters with a note of its length: no
   * failure message comes near gRPC's 4 MB limit, past which the whole failure would be lost.
   */
  public static String capped(String message, int max) {
    String clean = clean(message);
    if (clean.length() <= max) return clean;
    return clean.substring(0, max)
        + String.format(
            java.util.Locale.ROOT, "… (cut at %,d of %,d characters)", max, clean.length());
  }

  /**
   * Whether {@code c} is one of the characters no message or terminal line may carry as it is: a
   * control character (C0, DEL, C1: escapes, line breaks, NUL) or a bidirectional override. The one
   * definition for the worker's messages ({@link #clean}), remote excerpts ({@code ErrorText}) and
   * the CLI's terminal filter.
   */
  public static boolean hidden(char c) {
    return Character.getType(c) == Character.CONTROL
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
