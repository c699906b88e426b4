package dev.tollgate.adapters.aws.s3;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.activities.tools.RequestHold;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback HTTP proxy between the SDK and moto that writes down every request ("PUT
 * /bucket/key?partNumber=1 → 200") and can answer the next requests of one method with a 503, as an
 * overloaded S3 does. It shows what went over the wire: that a second write of the same bytes sends
 * no PUT, that a large file went up in parts, that a 503 was retried.
 *
 * <p>For the fault tests it can also stage an outage (every request answered 503 for a while,
 * starting at a given request) and hold one request until released, so a test knows a stage is in
 * the middle of an S3 call when it kills the worker.
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
  private volatile Outage outage;
  private final List<RequestHold> holds = new CopyOnWriteArrayList<>();

  public RecordingS3Proxy(URI target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    // One thread per request: a held request must not stall the others.
    server.setExecutor(Executors.newCachedThreadPool());
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

  /**
   * From the first request that {@code trigger} accepts ("METHOD /bucket/key?query"), answers every
   * request with 503 for {@code length}, as an S3 outage does.
   */
  public void outageFrom(Predicate<String> trigger, Duration length) {
    outage = new Outage(trigger, length);
  }

  /** How many requests the outage has answered with 503 so far. */
  public int outageFailures() {
    Outage current = outage;
    return current == null ? 0 : current.failed.get();
  }

  /** Holds the first request {@code matcher} accepts ("METHOD /path?query") until released. */
  public RequestHold holdFirst(Predicate<String> matcher) {
    RequestHold hold = new RequestHold(matcher);
    holds.add(hold);
    return hold;
  }

  private static final class Outage {
    private final Predicate<String> trigger;
    private final Duration length;
    private final AtomicInteger failed = new AtomicInteger();
    private volatile long endsAt; // System.nanoTime(); 0 = not started

    private Outage(Predicate<String> trigger, Duration length) {
      this.trigger = trigger;
      this.length = length;
    }

    private synchronized boolean fails(String line) {
      if (endsAt == 0 && trigger.test(line)) endsAt = System.nanoTime() + length.toNanos();
      boolean during = endsAt != 0 && System.nanoTime() < endsAt;
      if (during) failed.incrementAndGet();
      return during;
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().toString();
      byte[] body = exchange.getRequestBody().readAllBytes(); // all of it, even when failing
      String line = method + " " + path;
      for (RequestHold hold : holds) {
        if (hold.claims(line)) {
          log.add(line + " → held");
          hold.hold();
        }
      }
      Outage current = outage;
      boolean down = current != null && current.fails(line);
      if (down || method.equals(failMethod) && failures.getAndDecrement() > 0) {
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
    holds.forEach(RequestHold::release);
    server.stop(0);
    client.close();
  }
}
