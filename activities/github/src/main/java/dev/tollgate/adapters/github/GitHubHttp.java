package dev.tollgate.adapters.github;

import dev.tollgate.activities.commits.CommitStatusException;
import dev.tollgate.activities.commits.CommitStatusException.Kind;
import dev.tollgate.activities.outbound.BoundedBodySubscriber;
import dev.tollgate.activities.outbound.ErrorText;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call to GitHub's REST API with the headers GitHub asks for ({@code Accept:
 * application/vnd.github+json}, {@code X-GitHub-Api-Version}, a {@code User-Agent}, the token as
 * {@code Bearer}), a bounded answer, and every failure a {@link CommitStatusException} naming the
 * address and the call, never the token or the body sent.
 */
final class GitHubHttp {
  static final String API_VERSION = "2022-11-28";

  /** A page of 100 comments of at most 65,536 characters each fits; more is not GitHub. */
  static final int ANSWER_BYTES = 16 * 1024 * 1024;

  record Answer(int status, HttpHeaders headers, String text) {}

  private final GitHubSettings settings;
  private final HttpClient client;
  private final Clock clock;

  GitHubHttp(GitHubSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER) // a redirect would carry the token along
            .build();
  }

  /** The answer of {@code method path}, which must be a 2xx. */
  Answer call(String method, String path, String json) throws CommitStatusException {
    String call = method + " " + path.replaceAll("\\?.*", "");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(settings.apiUrl() + path))
            .timeout(settings.timeout())
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", API_VERSION)
            .header("User-Agent", "tollgate")
            .header("Authorization", "Bearer " + settings.token());
    if (json == null) {
      request.method(method, BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    CompletableFuture<HttpResponse<BoundedBodySubscriber.Bytes>> exchange =
        client.sendAsync(request.build(), info -> new BoundedBodySubscriber(ANSWER_BYTES));
    HttpResponse<BoundedBodySubscriber.Bytes> response;
    try {
      // the request's own timeout ends at the answer's headers; this one covers the body too
      response = exchange.get(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw outage(call, "no answer within " + settings.timeout().toSeconds() + " s", e);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw outage(call, "interrupted", e);
    } catch (ExecutionException e) {
      throw outage(call, why(e.getCause()), e.getCause());
    }
    boolean ok = response.statusCode() / 100 == 2;
    if (ok && response.body().truncated()) {
      throw new CommitStatusException(
          Kind.REJECTED, where(call) + " with over " + ANSWER_BYTES + " bytes, not read");
    }
    String text = new String(response.body().bytes(), StandardCharsets.UTF_8);
    if (!ok) {
      throw GitHubFailures.of(
          settings.apiUrl(), call, response.statusCode(), response.headers(), text, clock);
    }
    return new Answer(response.statusCode(), response.headers(), text);
  }

  private String why(Throwable cause) {
    if (cause instanceof HttpTimeoutException) {
      return "no answer within " + settings.timeout().toSeconds() + " s";
    }
    if (cause instanceof ConnectException) return "connection refused";
    String message = cause == null ? null : cause.getMessage();
    return (cause == null ? "failed" : cause.getClass().getSimpleName())
        + (message == null ? "" : " " + ErrorText.excerpt(message, 120));
  }

  private String where(String call) {
    return "GitHub at " + settings.apiUrl() + " answered " + call;
  }

  private CommitStatusException outage(String call, String why, Throwable cause) {
    return new CommitStatusException(
        Kind.OUTAGE,
        "GitHub at " + settings.apiUrl() + " did not answer " + call + ": " + why,
        null,
        cause);
  }
}
