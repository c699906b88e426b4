package dev.tollgate.activities.outbound;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request and how much of its answer to read.
 *
 * @param method GET, POST, PUT
 * @param headers request headers (Content-Type among them when there is a body)
 * @param body the request body, or {@code null}
 * @param timeout how long the whole answer may take, from sending to the last byte read
 * @param maxBytes the most bytes of the answer's body read; the rest is never read (0: none)
 */
public record HttpCall(
    String method,
    URI uri,
    Map<String, String> headers,
    byte[] body,
    Duration timeout,
    int maxBytes) {

  public HttpCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(timeout, "timeout");
    headers = Map.copyOf(headers);
    if (maxBytes < 0) throw new IllegalArgumentException("maxBytes " + maxBytes);
  }

  public static HttpCall get(URI uri, Duration timeout, int maxBytes) {
    return new HttpCall("GET", uri, Map.of(), null, timeout, maxBytes);
  }

  /** {@code method} with {@code body} of {@code contentType}. */
  public static HttpCall send(
      String method, URI uri, String contentType, byte[] body, Duration timeout, int maxBytes) {
    return new HttpCall(method, uri, Map.of("Content-Type", contentType), body, timeout, maxBytes);
  }

  /** The same call with one more header. */
  public HttpCall header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpCall(method, uri, more, body, timeout, maxBytes);
  }
}
