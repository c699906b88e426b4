package dev.tollgate.worker.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A stand-in for slack.com's Web API on a free local port: records every call (method and form
 * fields) and answers {@code ok} as Slack would, with the profile e-mails it was given for
 * users.info.
 */
final class FakeSlackApi implements AutoCloseable {
  record Call(String method, Map<String, String> fields) {
    String field(String name) {
      return fields.get(name);
    }
  }

  private final HttpServer server;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, String> emails;
  private volatile BooleanSupplier down = () -> false;
  private final AtomicInteger posted = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  FakeSlackApi(Map<String, String> emailsBySlackUser) throws IOException {
    this.emails = emailsBySlackUser;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/", this::answer);
    server.start();
  }

  /** The prefix for {@code tollgate.slack.api-url}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  /** Answers every call with 500 while {@code outage} holds (an outage on the test's clock). */
  FakeSlackApi downWhile(BooleanSupplier outage) {
    this.down = outage;
    return this;
  }

  /** Calls answered 500 by an outage. */
  int refused() {
    return refused.get();
  }

  /** The calls to {@code method}, in order. */
  List<Call> calls(String method) {
    List<Call> out = new ArrayList<>();
    for (Call c : calls) if (c.method().equals(method)) out.add(c);
    return out;
  }

  /** Every call except the auth.test Bolt makes to learn who the bot is. */
  List<Call> callsButAuth() {
    return calls.stream().filter(c -> !c.method().equals("auth.test")).toList();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestURI().getPath().substring("/api/".length());
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> fields = form(body);
    if (down.getAsBoolean()) {
      refused.incrementAndGet();
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
      return;
    }
    calls.add(new Call(method, fields));
    String json =
        switch (method) {
          case "auth.test" ->
              "{\"ok\":true,\"team\":\"Tollgate\",\"user\":\"tollgate\",\"team_id\":\"T0TEAM\","
                  + "\"user_id\":\"U0BOT\",\"bot_id\":\"B0BOT\"}";
          case "users.info" -> userInfo(fields.get("user"));
          case "chat.update" ->
              "{\"ok\":true,\"channel\":\""
                  + fields.get("channel")
                  + "\",\"ts\":\""
                  + fields.get("ts")
                  + "\"}";
          case "chat.postMessage" ->
              "{\"ok\":true,\"channel\":\"C0DEPLOYS\",\"ts\":\"1700000000.%06d\"}"
                  .formatted(posted.incrementAndGet());
          case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"1700000099.000200\"}";
          case "views.open" -> "{\"ok\":true,\"view\":{\"id\":\"V0MODAL\",\"type\":\"modal\"}}";
          default -> "{\"ok\":true}";
        };
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private String userInfo(String user) {
    String email = emails.get(user);
    if (email == null) return "{\"ok\":false,\"error\":\"user_not_found\"}";
    return "{\"ok\":true,\"user\":{\"id\":\""
        + user
        + "\",\"name\":\"someone\",\"profile\":{\"email\":\""
        + email
        + "\"}}}";
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (body.isBlank()) return fields;
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      fields.put(
          URLDecoder.decode(key, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return fields;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
