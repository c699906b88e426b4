package dev.tollgate.activities.outbound;

import dev.tollgate.activities.Echo;
import java.util.regex.Pattern;

/**
 * What of a remote server's answer may go into a failure message, a log line or a validation
 * report: a short excerpt, never the whole body. A server named by a spec is not trusted: its body
 * may be megabytes long (a failure message travels through Temporal's history and gRPC, which
 * refuse 4 MB), or carry terminal escapes and line breaks that forge log lines. What counts as a
 * control character, and how a message is cut, are {@link Echo}'s, as for every message the worker
 * writes; an excerpt also turns them into spaces and folds the white space of an HTML or JSON error
 * page into single spaces.
 */
public final class ErrorText {
  /** The most characters of a remote body a message quotes. */
  public static final int LIMIT = 200;

  private static final Pattern SPACES = Pattern.compile("\\s+");

  private ErrorText() {}

  /** {@code text} without control characters, cut to {@value #LIMIT} characters. */
  public static String excerpt(String text) {
    return excerpt(text, LIMIT);
  }

  /**
   * {@code text} with every character {@link Echo#hidden} (line breaks, escapes, NUL, C1,
   * bidirectional overrides) turned into a space and runs of white space folded, cut to {@code
   * limit} characters with a note of the length when longer. A space, not nothing, so that words a
   * NUL or a line break kept apart stay apart.
   */
  public static String excerpt(String text, int limit) {
    if (text == null) return "";
    StringBuilder spaced = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      spaced.append(Echo.hidden(c) ? ' ' : c);
    }
    return Echo.capped(SPACES.matcher(spaced).replaceAll(" ").strip(), limit);
  }
}
