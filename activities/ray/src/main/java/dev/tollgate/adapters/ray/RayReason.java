package dev.tollgate.adapters.ray;

import dev.tollgate.activities.outbound.ErrorText;
import dev.tollgate.activities.train.ray.RayException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a Ray error answer goes into a message, and what kind of failure it is. Ray answers
 * errors with a plain-text Python traceback that names server paths and can be long; a message
 * keeps only its last {@code SomethingError: what} line (or the first line of a short text such as
 * {@code Job x does not exist}), with ANSI escapes, control characters and every token holding a
 * {@code /} (paths, URLs) taken out, cut to {@value #LIMIT} characters.
 */
final class RayReason {
  static final int LIMIT = 160;

  private static final Pattern EXCEPTION_LINE =
      Pattern.compile("(?m)^\\s*([A-Za-z_][\\w.]*(?:Error|Exception)): ?(.*)$");
  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
  private static final Pattern PATH = Pattern.compile("\\S*/\\S*");

  private RayReason() {}

  /** The one line of {@code body} a message may quote; empty when there is none. */
  static String of(String body) {
    if (body == null || body.isBlank()) return "";
    String text = ANSI.matcher(body).replaceAll("");
    String line = null;
    Matcher m = EXCEPTION_LINE.matcher(text);
    while (m.find()) line = m.group(1) + ": " + m.group(2);
    if (line == null) line = text.strip().lines().findFirst().orElse("");
    return ErrorText.excerpt(PATH.matcher(line).replaceAll("…"), LIMIT);
  }

  /**
   * A 4xx is the cluster refusing the request; so is a 500 that carries a bad request: the head
   * passes the job agent's 400 on as a 500 ({@code RuntimeError: Request failed with status code
   * 400: …}), ending in Ray's {@code ValueError}/{@code TypeError}. Any other 5xx (no agent yet, a
   * dead node's agent) is an outage.
   */
  static RayException.Kind kind(int status, String body) {
    if (status < 500) return RayException.Kind.REJECTED;
    if (status == 500 && body != null) {
      if (body.contains("status code 400") || body.contains("status code 404")) {
        return RayException.Kind.REJECTED;
      }
      String last = of(body);
      if (last.startsWith("ValueError:") || last.startsWith("TypeError:")) {
        return RayException.Kind.REJECTED;
      }
    }
    return RayException.Kind.UNREACHABLE;
  }
}
