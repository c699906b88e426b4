package dev.tollgate.activities.notify.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local stand-in for slack.com (and for any webhook receiver): records every request and answers
 * like Slack does — {@code chat.postMessage} with {@code ok:true}, the channel's id and a new
 * {@code ts} each time; an incoming webhook ({@code /webhook}) and a plain one ({@code /hook}) with
 * 200. Told to, it answers the next calls with 429 and a Retry-After, with 500, or with {@code
 * ok:false} and an error.
 */
final class FakeSlack implements AutoCloseable {
  static final String CHANNEL_ID = "C0TOLLGATE";

  /** One request as received. */
  record Request(String method, String path, Map<String, String> headers, String body) {
    /** The form parameters of a Web API call. */
    Map<String, String> form() {
      Map<String, String> out = new LinkedHashMap<>();
      if (body.isEmpty()) return out;
      for (String pair : body.split("&")) {
        int eq = pair.indexOf('=');
        String k = eq < 0 ? pair : pair.substring(0, eq);
        String v = eq < 0 ? "" : pair.substring(eq + 1);
        out.put(
            URLDecoder.decode(k, StandardCharsets.UTF_8),
            URLDecoder.decode(v, StandardCharsets.UTF_8));
      }
      return out;
    }

    String header(String name) {
      for (var h : headers.entrySet()) if (h.getKey().equalsIgnoreCase(name)) return h.getValue();
      return null;
    }
  }

  private record Answer(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Answer> scripted = new ArrayDeque<>();
  private int ts;

  FakeSlack() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The Web API prefix to give {@link SlackSettings#apiUrl()}. */
  String apiUrl() {
    return base() + "/api/";
  }

  String webhookUrl() {
    return base() + "/webhook";
  }

  String hookUrl() {
    return base() + "/hook";
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized FakeSlack rateLimitNext(int calls, int retryAfterSeconds) {
    for (int i = 0; i < calls; i++) {
      scripted.add(
          new Answer(
              429,
              Map.of("Retry-After", Integer.toString(retryAfterSeconds)),
              "{\"ok\":false,\"error\":\"ratelimited\"}"));
    }
    return this;
  }

  synchronized FakeSlack failNext(int calls) {
    for (int i = 0; i < calls; i++) scripted.add(new Answer(500, Map.of(), "oops"));
    return this;
  }

  /** The next call gets {@code status} and {@code body} (e.g. an incoming webhook's 404). */
  synchronized FakeSlack answerNext(int status, String body) {
    scripted.add(new Answer(status, Map.of(), body));
    return this;
  }

  synchronized FakeSlack errorNext(String error) {
    scripted.add(new Answer(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}"));
    return this;
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests that reached a path, e.g. "/api/chat.postMessage". */
  synchronized List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange x) throws IOException {
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    x.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
    Answer answer;
    synchronized (this) {
      requests.add(new Request(x.getRequestMethod(), x.getRequestURI().getPath(), headers, body));
      answer = scripted.isEmpty() ? normal(x.getRequestURI().getPath()) : scripted.poll();
    }
    answer.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
    boolean json = answer.body().startsWith("{");
    x.getResponseHeaders().add("Content-Type", json ? "application/json" : "text/plain");
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(answer.status(), bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** What Slack answers a call that goes through. */
  private Answer normal(String path) {
    if (path.equals("/api/chat.postMessage")) {
      String next = "1700000000.%06d".formatted(++ts);
      return new Answer(
          200,
          Map.of(),
          "{\"ok\":true,\"channel\":\"" + CHANNEL_ID + "\",\"ts\":\"" + next + "\"}");
    }
    if (path.startsWith("/api/")) return new Answer(200, Map.of(), "{\"ok\":true}");
    return new Answer(200, Map.of(), "ok");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
