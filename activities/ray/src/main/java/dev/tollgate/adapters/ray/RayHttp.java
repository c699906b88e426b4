package dev.tollgate.adapters.ray;

import dev.tollgate.activities.outbound.BoundedBodySubscriber;
import dev.tollgate.activities.outbound.ErrorText;
import dev.tollgate.activities.train.ray.RayException;
import dev.tollgate.activities.train.ray.RayException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * One exchange with Ray's dashboard: the request, a bounded answer, and every way it can fail
 * turned into a {@link RayException} whose message names the address and the call ({@code GET
 * /api/jobs/…}), never the body: an outage ({@link Kind#UNREACHABLE}: refused, timed out, 5xx) or a
 * refusal ({@link Kind#REJECTED}: 4xx, a bad request Ray answers as 500), with at most {@link
 * RayReason}'s one sanitised line.
 */
final class RayHttp {
  /** Ray's answers to a status, submit, stop or nodes call are a few kilobytes. */
  static final int ANSWER_BYTES = 4 * 1024 * 1024;

  record Answer(int status, String text) {}

  private final String address;
  private final HttpClient client;
  private final RayTimeouts timeouts;

  RayHttp(String address, HttpClient client, RayTimeouts timeouts) {
    this.address = address;
    this.client = client;
    this.timeouts = timeouts;
  }

  static HttpClient client(RayTimeouts timeouts) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1) // the dashboard is aiohttp: no HTTP/2
        .connectTimeout(timeouts.connect())
        .followRedirects(HttpClient.Redirect.NEVER)
        .proxy(HttpClient.Builder.NO_PROXY)
        .build();
  }

  String address() {
    return address;
  }

  Answer get(String path, int limit) throws RayException {
    return send("GET", path, BodyPublishers.noBody(), null, timeouts.request(), limit);
  }

  Answer post(String path, byte[] json) throws RayException {
    return send(
        "POST",
        path,
        BodyPublishers.ofByteArray(json),
        "application/json",
        timeouts.request(),
        ANSWER_BYTES);
  }

  Answer put(String path, byte[] bytes) throws RayException {
    return send(
        "PUT",
        path,
        BodyPublishers.ofByteArray(bytes),
        "application/octet-stream",
        timeouts.upload(),
        ANSWER_BYTES);
  }

  /** The failure for an answer the caller does not accept. */
  RayException refused(String method, String path, Answer answer) {
    String reason = RayReason.of(answer.text());
    return new RayException(
        RayReason.kind(answer.status(), answer.text()),
        "Ray at "
            + address
            + " answered "
            + method
            + " "
            + path
            + " with HTTP "
            + answer.status()
            + (reason.isEmpty() ? "" : ": " + reason));
  }

  /** A 200 whose body is not what the Jobs API sends (a proxy's page, another server). */
  RayException unexpected(String method, String path, String what) {
    return new RayException(
        Kind.REJECTED, "Ray at " + address + " answered " + method + " " + path + " with " + what);
  }

  private Answer send(
      String method,
      String path,
      HttpRequest.BodyPublisher body,
      String contentType,
      Duration timeout,
      int limit)
      throws RayException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(address + path))
            .timeout(timeout)
            .method(method, body)
            .header("Accept", "application/json");
    if (contentType != null) request.header("Content-Type", contentType);
    CompletableFuture<HttpResponse<BoundedBodySubscriber.Bytes>> exchange =
        client.sendAsync(request.build(), info -> new BoundedBodySubscriber(limit));
    HttpResponse<BoundedBodySubscriber.Bytes> response;
    try {
      // The request's own timeout ends at the answer's headers; this one covers the body too.
      response =
          exchange.get(timeout.toMillis() + 1000, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw outage(method, path, "no answer within " + seconds(timeout), e);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw outage(method, path, "interrupted while waiting for the answer", e);
    } catch (ExecutionException e) {
      throw outage(method, path, why(e.getCause(), timeout), e.getCause());
    }
    BoundedBodySubscriber.Bytes bytes = response.body();
    String text = new String(bytes.bytes(), StandardCharsets.UTF_8);
    if (bytes.truncated() && response.statusCode() < 300) {
      throw unexpected(method, path, "an answer over " + limit + " bytes, not read");
    }
    return new Answer(response.statusCode(), text);
  }

  private RayException outage(String method, String path, String why, Throwable cause) {
    return new RayException(
        Kind.UNREACHABLE,
        "Ray at " + address + " did not answer " + method + " " + path + ": " + why,
        cause);
  }

  private String why(Throwable cause, Duration timeout) {
    if (cause instanceof HttpConnectTimeoutException) {
      return "could not connect within " + seconds(timeouts.connect());
    }
    if (cause instanceof HttpTimeoutException) return "no answer within " + seconds(timeout);
    if (cause instanceof ConnectException) return "connection refused";
    if (cause instanceof IOException) {
      String message = cause.getMessage();
      return cause.getClass().getSimpleName()
          + (message == null ? "" : " " + ErrorText.excerpt(message, 120));
    }
    return "failed (" + ErrorText.excerpt(String.valueOf(cause), 120) + ")";
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
