package dev.tollgate.adapters.ray;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Ray dashboard stand-in on 127.0.0.1 (the JDK's HTTP server): each {@code "METHOD path"} answers
 * what a test set, in the shapes the real one sent (docs/wip/i26-ray-facts.md); anything else is
 * Ray's 404. It records every request, body included.
 */
final class FakeRay implements AutoCloseable {
  record Request(String method, String path, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private record Reply(int status, String body, long delayMillis) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Reply> replies = new ConcurrentHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeRay() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  FakeRay on(String methodAndPath, int status, String body) {
    return on(methodAndPath, status, body, 0);
  }

  FakeRay on(String methodAndPath, int status, String body, long delayMillis) {
    replies.put(methodAndPath, new Reply(status, body, delayMillis));
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String path = exchange.getRequestURI().getRawPath();
    String method = exchange.getRequestMethod();
    requests.add(
        new Request(method, path, exchange.getRequestHeaders().getFirst("Content-Type"), body));
    Reply reply = replies.getOrDefault(method + " " + path, new Reply(404, "Not Found", 0));
    try {
      Thread.sleep(reply.delayMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) exchange.getResponseBody().write(out);
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
