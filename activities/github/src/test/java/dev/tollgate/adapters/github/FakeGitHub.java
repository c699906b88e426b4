package dev.tollgate.adapters.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for GitHub's REST API on 127.0.0.1 (the JDK's HTTP server), in the manner of the Slack
 * one: it records commit statuses and pull-request comments as GitHub keeps them, checks the {@code
 * Bearer} token (401 "Bad credentials" otherwise), and answers what a test queued first: {@link
 * #failNext} (403, 422, 500, ...) or {@link #rateLimitNext} (403 or 429 with {@code
 * X-RateLimit-Remaining: 0} and {@code X-RateLimit-Reset}).
 */
public final class FakeGitHub implements AutoCloseable {
  public record Status(
      String repo,
      String sha,
      String state,
      String context,
      String description,
      String targetUrl) {}

  public record Comment(long id, String repo, int issue, String body) {}

  public record Request(String method, String path, String authorization, String apiVersion) {}

  private record Failure(int status, Map<String, String> headers, String message, long stall) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern STATUS = Pattern.compile("/repos/([^/]+/[^/]+)/statuses/(\\w+)");
  private static final Pattern COMMENTS =
      Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)/comments");
  private static final Pattern COMMENT =
      Pattern.compile("/repos/([^/]+/[^/]+)/issues/comments/(\\d+)");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final String token;
  private final AtomicLong ids = new AtomicLong(1000);
  private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
  public final List<Status> statuses = new CopyOnWriteArrayList<>();
  public final List<Comment> comments = new CopyOnWriteArrayList<>();
  public final List<Request> requests = new CopyOnWriteArrayList<>();

  public FakeGitHub(String token) throws IOException {
    this.token = token;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  public String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next request is answered {@code status} with GitHub's {@code {"message": ...}}. */
  public FakeGitHub failNext(int status, String message) {
    failures.add(new Failure(status, Map.of(), message, 0));
    return this;
  }

  /** The next answer's headers come at once, its body only after {@code millis}: a slow drip. */
  public FakeGitHub stallNext(long millis) {
    failures.add(new Failure(200, Map.of(), "[]", millis));
    return this;
  }

  /** The next request hits the primary rate limit, which resets at {@code resetEpochSecond}. */
  public FakeGitHub rateLimitNext(int status, long resetEpochSecond) {
    failures.add(
        new Failure(
            status,
            Map.of(
                "X-RateLimit-Limit", "5000",
                "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(resetEpochSecond)),
            "API rate limit exceeded for installation.",
            0));
    return this;
  }

  /** A comment somebody else wrote, before Tollgate's. */
  public Comment addComment(String repo, int issue, String body) {
    Comment c = new Comment(ids.incrementAndGet(), repo, issue, body);
    comments.add(c);
    return c;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] in = exchange.getRequestBody().readAllBytes();
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      requests.add(
          new Request(
              method, path, auth, exchange.getRequestHeaders().getFirst("X-GitHub-Api-Version")));
      if (!("Bearer " + token).equals(auth)) {
        reply(exchange, 401, Map.of(), message("Bad credentials"));
        return;
      }
      Failure failure = failures.poll();
      if (failure != null && failure.stall() > 0) {
        exchange.sendResponseHeaders(200, 0); // chunked: the body may take its time
        exchange.getResponseBody().write('[');
        exchange.getResponseBody().flush();
        sleep(failure.stall());
        exchange.getResponseBody().write(']');
        return;
      }
      if (failure != null) {
        reply(exchange, failure.status(), failure.headers(), message(failure.message()));
        return;
      }
      route(exchange, method, path, in.length == 0 ? JSON.createObjectNode() : JSON.readTree(in));
    }
  }

  private void route(HttpExchange exchange, String method, String path, JsonNode in)
      throws IOException {
    Matcher m;
    if (method.equals("POST") && (m = STATUS.matcher(path)).matches()) {
      statuses.add(
          new Status(
              m.group(1),
              m.group(2),
              in.path("state").asText(),
              in.path("context").asText(),
              in.path("description").asText(),
              in.hasNonNull("target_url") ? in.path("target_url").asText() : null));
      reply(exchange, 201, Map.of(), in.toString());
    } else if (method.equals("GET") && (m = COMMENTS.matcher(path)).matches()) {
      reply(
          exchange,
          200,
          Map.of(),
          page(m.group(1), Integer.parseInt(m.group(2)), exchange.getRequestURI().getRawQuery()));
    } else if (method.equals("POST") && (m = COMMENTS.matcher(path)).matches()) {
      Comment c = addComment(m.group(1), Integer.parseInt(m.group(2)), in.path("body").asText());
      reply(exchange, 201, Map.of(), json(c).toString());
    } else if (method.equals("PATCH") && (m = COMMENT.matcher(path)).matches()) {
      long id = Long.parseLong(m.group(2));
      for (int i = 0; i < comments.size(); i++) {
        Comment c = comments.get(i);
        if (c.id() == id && c.repo().equals(m.group(1))) {
          Comment edited = new Comment(id, c.repo(), c.issue(), in.path("body").asText());
          comments.set(i, edited);
          reply(exchange, 200, Map.of(), json(edited).toString());
          return;
        }
      }
      reply(exchange, 404, Map.of(), message("Not Found"));
    } else {
      reply(exchange, 404, Map.of(), message("Not Found"));
    }
  }

  private String page(String repo, int issue, String query) {
    int perPage = 30;
    int page = 1;
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith("per_page=")) perPage = Integer.parseInt(pair.substring(9));
      if (pair.startsWith("page=")) page = Integer.parseInt(pair.substring(5));
    }
    List<Comment> mine =
        comments.stream().filter(c -> c.repo().equals(repo) && c.issue() == issue).toList();
    ArrayNode out = JSON.createArrayNode();
    mine.stream().skip((long) (page - 1) * perPage).limit(perPage).forEach(c -> out.add(json(c)));
    return out.toString();
  }

  private static ObjectNode json(Comment c) {
    return JSON.createObjectNode().put("id", c.id()).put("body", c.body());
  }

  private static String message(String text) {
    return JSON.createObjectNode().put("message", text).toString();
  }

  private static void reply(
      HttpExchange exchange, int status, Map<String, String> headers, String body)
      throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    byte[] out = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
    if (out.length > 0) exchange.getResponseBody().write(out);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
