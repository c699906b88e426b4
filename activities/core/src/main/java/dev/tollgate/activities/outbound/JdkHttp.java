package dev.tollgate.activities.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link HttpExchange} over {@code java.net.http} for the addresses an operator configured (the
 * worker's own serving URL): not checked against the allow-list, but read within the same bounds.
 * Never for a URL from a spec: that is {@link OutboundHttp}'s.
 */
public final class JdkHttp implements HttpExchange {
  private final HttpClient http;

  public JdkHttp(Duration connectTimeout) {
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
  }

  @Override
  public HttpAnswer send(HttpCall call) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(call.timeout());
    call.headers().forEach(request::header);
    request.method(
        call.method(),
        call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    long deadline = System.nanoTime() + call.timeout().toNanos();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted calling " + call.uri().getHost());
    }
    Map<String, String> headers = new HashMap<>();
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!values.isEmpty())
                headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst());
            });
    try (InputStream in = response.body()) { // closing early drops the rest with the connection
      BoundedBody.Read read =
          call.maxBytes() == 0
              ? new BoundedBody.Read(new byte[0], false)
              : BoundedBody.read(in, call.maxBytes(), deadline);
      return new HttpAnswer(response.statusCode(), headers, read.bytes(), read.truncated());
    }
  }
}
