package dev.tollgate.activities.outbound;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP answer, its body read up to the call's {@code maxBytes}.
 *
 * @param headers the first value of each header, names in lower case
 * @param truncated the body was longer than what was read
 */
public record HttpAnswer(int status, Map<String, String> headers, byte[] body, boolean truncated) {
  public HttpAnswer {
    headers = Map.copyOf(headers);
  }

  /** The body read, as UTF-8. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The first value of header {@code name}, or {@code null}. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public boolean ok() {
    return status >= 200 && status < 300;
  }
}
