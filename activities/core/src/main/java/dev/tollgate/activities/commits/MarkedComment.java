package dev.tollgate.activities.commits;

import java.util.regex.Pattern;

/**
 * A pull-request comment that Tollgate keeps one of: its {@code key} (say {@code validation}) goes
 * into the body as a hidden HTML comment, {@code <!-- tollgate:validation -->}, which is how the
 * next push finds the comment to edit instead of adding another.
 */
public record MarkedComment(String key, String body) {
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._/-]{0,63}");

  /** GitHub refuses comments over 65,536 characters; the marker and a note must fit. */
  public static final int MAX_BODY = 65_000;

  public MarkedComment {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException(
          "a comment key is 1-64 of a-z, 0-9, '.', '_', '/', '-', starting with a letter or digit");
    }
    body = body == null ? "" : body;
    if (body.length() > MAX_BODY) {
      body = body.substring(0, MAX_BODY) + "\n\n… (cut: the full summary is in the report)";
    }
  }

  /** The hidden line that marks the comment. */
  public String marker() {
    return "<!-- tollgate:" + key + " -->";
  }

  /** What the host is sent: the marker, then the body. */
  public String text() {
    return marker() + "\n" + body;
  }
}
