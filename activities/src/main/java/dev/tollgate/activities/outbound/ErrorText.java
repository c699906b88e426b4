package dev.tollgate.activities.outbound;

/**
 * What of a remote server's answer may go into a failure message, a log line or a validation
 * report: a short excerpt, never the whole body. A server named by a spec is not trusted: its body
 * may be megabytes long (a failure message travels through Temporal's history and gRPC, which
 * refuse 4 MB), or carry terminal escapes and line breaks that forge log lines.
 */
public final class ErrorText {
  /** The most characters of a remote body a message quotes. */
  public static final int LIMIT = 200;

  private ErrorText() {}

  /** {@code text} without control characters, cut to {@value #LIMIT} characters. */
  public static String excerpt(String text) {
    return excerpt(text, LIMIT);
  }

  /**
   * {@code text} with every control character (line breaks, escapes, NUL; C1 too) turned into a
   * space and runs of spaces folded, cut to {@code limit} characters with "… (N characters)" when
   * longer.
   */
  public static String excerpt(String text, int limit) {
    if (text == null) return "";
    StringBuilder out = new StringBuilder(Math.min(text.length(), limit) + 24);
    int i = 0;
    for (; i < text.length() && out.length() < limit; i++) {
      char c = text.charAt(i);
      if (!blank(c)) out.append(c);
      else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') out.append(' ');
    }
    boolean more = false;
    for (int j = i; j < text.length() && !more; j++) more = !blank(text.charAt(j));
    String shown = out.toString().strip();
    return more ? shown + "… (" + text.length() + " characters)" : shown;
  }

  private static boolean blank(char c) {
    return Character.isISOControl(c)
        || Character.isWhitespace(c)
        || Character.getType(c) == Character.FORMAT;
  }
}
