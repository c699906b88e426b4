package dev.tollgate.activities.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy between the SDK and moto that writes down every request ("PUT
 * /bucket/key?partNumber=1 → 200") and can answer the next requests of one method with a 503, as an
 * overloaded S3 does. It shows what went over the wire: that a second write of the same bytes sends
 * no PUT, that a large file went up in parts, that a 503 was retried.
 */
public final class RecordingS3Proxy implements AutoCloseable {
  /** Headers the JDK client sets itself (or refuses): everything else is passed on unchanged. */
  private static final Set<String> HOP_BY_HOP =
      Set.of("host", "content-length", "connection", "expect", "transfer-encoding", "upgrade");

  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI target;
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile String failMethod = "";

  public RecordingS3Proxy(URI target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The requests so far, as "METHOD /path?query → status". */
  public List<String> requests() {
    return List.copyOf(log);
  }

  public void clear() {
    log.clear();
  }

  /** Answers the next {@code count} requests with {@code method} with 503 Service Unavailable. */
  public void failNext(String method, int count) {
    failMethod = method;
    failures.set(count);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().toString();
      byte[] body = exchange.getRequestBody().readAllBytes(); // all of it, even when failing
      if (method.equals(failMethod) && failures.getAndDecrement() > 0) {
        log.add(method + " " + path + " → 503");
        byte[] error =
            "<Error><Code>ServiceUnavailable</Code><Message>injected</Message></Error>"
                .getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(503, error.length);
        exchange.getResponseBody().write(error);
        return;
      }
      HttpResponse<byte[]> answer = forward(exchange, method, path, body);
      log.add(method + " " + path + " → " + answer.statusCode());
      answer
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      byte[] out = answer.body();
      boolean noBody = method.equals("HEAD") || out.length == 0;
      exchange.sendResponseHeaders(answer.statusCode(), noBody ? -1 : out.length);
      if (!noBody) {
        try (OutputStream response = exchange.getResponseBody()) {
          response.write(out);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private HttpResponse<byte[]> forward(
      HttpExchange exchange, String method, String path, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target.resolve(path))
            .method(
                method,
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
              }
            });
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Override
  public void close() {
    server.stop(0);
    client.close();
  }
}
