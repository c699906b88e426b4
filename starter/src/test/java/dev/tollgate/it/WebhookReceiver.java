package dev.tollgate.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.activities.tools.RequestHold;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The receiving end of a spec's {@code notify.webhook}: answers 200 and writes down each delivery
 * by its {@code X-Tollgate-Event} id ({@code <run_id>/<seq>}), the key a receiver dedupes on. It
 * can hold the first delivery of one event until released, so a test knows the notify stage is in
 * the middle of a call when it kills the worker; the held delivery is then answered 503, as its
 * sender is gone.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One delivery: the event id header and the JSON body. */
  record Delivery(String eventId, String body) {
    boolean is(String event) {
      return body.contains("\"event\":\"" + event + "\"");
    }

    boolean of(String model) {
      return body.contains("\"model\":\"" + model + "\"");
    }
  }

  private final HttpServer server;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private volatile RequestHold hold;

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Holds the next delivery of {@code event} (e.g. "deployed") of {@code model} until released. */
  RequestHold holdFirst(String model, String event) {
    RequestHold next =
        new RequestHold(
            body -> {
              Delivery d = new Delivery(null, body);
              return d.is(event) && d.of(model);
            });
    hold = next;
    return next;
  }

  /** Deliveries answered with 200 (a held one counts only if its sender was still there). */
  List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** How many times {@code event} of {@code model} arrived. */
  long count(String model, String event) {
    return deliveries.stream().filter(d -> d.of(model) && d.is(event)).count();
  }

  /** Under how many distinct event ids ({@code <run_id>/<seq>}) it arrived. */
  long distinct(String model, String event) {
    return deliveries.stream()
        .filter(d -> d.of(model) && d.is(event))
        .map(Delivery::eventId)
        .distinct()
        .count();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Delivery delivery =
          new Delivery(exchange.getRequestHeaders().getFirst("X-Tollgate-Event"), body);
      RequestHold current = hold;
      if (current != null && current.claims(body)) {
        current.hold();
        // The sender was killed meanwhile: its connection is gone, so this one is not delivered.
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      deliveries.add(delivery);
      exchange.sendResponseHeaders(200, -1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    RequestHold current = hold;
    if (current != null) current.release();
    server.stop(0);
  }
}
