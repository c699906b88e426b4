package dev.tollgate.adapters.slack;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A local stand-in for slack.com (and for any webhook receiver): records every request and answers
 * like Slack does — {@code chat.postMessage} with {@code ok:true}, the channel's id and a new
 * {@code ts} each time; an incoming webhook ({@code /webhook}) and a plain one ({@code /hook}) with
 * 200. Told to, it answers the next calls with 429 and a Retry-After, with 500, or with {@code
 * ok:false} and an error, or with 500 while an outage lasts. The worker's tests use it too (the
 * activities' test-jar), for Bolt's calls: auth.test (team T0TEAM), users.info (a member of T0TEAM
 * with a confirmed profile e-mail it was given, or any user object set with {@link #user}),
 * chat.update, chat.postEphemeral and views.open answer as Slack would.
 */
public final class FakeSlack implements AutoCloseable {
  public static final String CHANNEL_ID = "C0TOLLGATE";

  /** One request as received. */
  public record Request(String method, String path, Map<String, String> headers, String body) {
    /** One form field of a Web API call, or {@code null}. */
    public String field(String name) {
      return form().get(name);
    }

    /** The form parameters of a Web API call. */
    public Map<String, String> form() {
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

    public String header(String name) {
      for (var h : headers.entrySet()) if (h.getKey().equalsIgnoreCase(name)) return h.getValue();
      return null;
    }
  }

  private record Answer(int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private final Deque<Answer> scripted = new ArrayDeque<>();
  private final Map<String, String> emails;
  private final Map<String, String> users = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile BooleanSupplier down = () -> false;
  private final AtomicInteger refused = new AtomicInteger();
  private int ts;

  public FakeSlack() throws IOException {
    this(Map.of());
  }

  /** {@code emailsBySlackUser}: the profile e-mails users.info answers with. */
  public FakeSlack(Map<String, String> emailsBySlackUser) throws IOException {
    this.emails = Map.copyOf(emailsBySlackUser);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The Web API prefix to give {@link SlackSettings#apiUrl()} ({@code tollgate.slack.api-url}). */
  public String apiUrl() {
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

  /**
   * users.info answers {@code userJson} (Slack's user object: team_id, is_restricted, is_bot,
   * profile.email ...) for {@code slackUser}, instead of a member built from the e-mails given.
   */
  public FakeSlack user(String slackUser, String userJson) {
    users.put(slackUser, userJson);
    return this;
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

  /** Answers every call with 500 while {@code outage} holds (an outage on the test's clock). */
  public FakeSlack downWhile(BooleanSupplier outage) {
    this.down = outage;
    return this;
  }

  /** Calls answered 500 by an outage (not recorded as requests). */
  public int refused() {
    return refused.get();
  }

  synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The Web API calls of {@code method} (e.g. "chat.update"), in order. */
  public synchronized List<Request> calls(String method) {
    return requests("/api/" + method);
  }

  /** Every Web API call except the auth.test Bolt makes to learn who the bot is. */
  public synchronized List<Request> callsButAuth() {
    return requests.stream()
        .filter(r -> r.path().startsWith("/api/") && !r.path().equals("/api/auth.test"))
        .toList();
  }

  /** The requests that reached a path, e.g. "/api/chat.postMessage". */
  synchronized List<Request> requests(String path) {
    return requests.stream().filter(r -> r.path().equals(path)).toList();
  }

  private void handle(HttpExchange x) throws IOException {
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    x.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(",", v)));
    if (down.getAsBoolean()) {
      refused.incrementAndGet();
      x.sendResponseHeaders(500, -1);
      x.close();
      return;
    }
    Answer answer;
    synchronized (this) {
      Request request =
          new Request(x.getRequestMethod(), x.getRequestURI().getPath(), headers, body);
      requests.add(request);
      answer = scripted.isEmpty() ? normal(request) : scripted.poll();
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
  private Answer normal(Request request) {
    String path = request.path();
    if (!path.startsWith("/api/")) return new Answer(200, Map.of(), "ok");
    String json =
        switch (path.substring("/api/".length())) {
          case "chat.postMessage" ->
              "{\"ok\":true,\"channel\":\"%s\",\"ts\":\"1700000000.%06d\"}"
                  .formatted(CHANNEL_ID, ++ts);
          case "auth.test" ->
              "{\"ok\":true,\"team\":\"Tollgate\",\"user\":\"tollgate\",\"team_id\":\"T0TEAM\","
                  + "\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}";
          case "users.info" -> userInfo(request.field("user"));
          case "chat.update" ->
              "{\"ok\":true,\"channel\":\"%s\",\"ts\":\"%s\"}"
                  .formatted(request.field("channel"), request.field("ts"));
          case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"1700000099.000200\"}";
          case "views.open" -> "{\"ok\":true,\"view\":{\"id\":\"V0MODAL\",\"type\":\"modal\"}}";
          default -> "{\"ok\":true}";
        };
    return new Answer(200, Map.of(), json);
  }

  private String userInfo(String user) {
    String given = users.get(user);
    if (given != null) return "{\"ok\":true,\"user\":" + given + "}";
    String email = emails.get(user);
    if (email == null) return "{\"ok\":false,\"error\":\"user_not_found\"}";
    return ("{\"ok\":true,\"user\":{\"id\":\"%s\",\"team_id\":\"T0TEAM\",\"name\":\"someone\","
            + "\"is_email_confirmed\":true,\"profile\":{\"email\":\"%s\"}}}")
        .formatted(user, email);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
