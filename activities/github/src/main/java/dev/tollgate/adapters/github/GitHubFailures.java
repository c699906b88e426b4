package dev.tollgate.adapters.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.activities.commits.CommitStatusException;
import dev.tollgate.activities.commits.CommitStatusException.Kind;
import dev.tollgate.activities.outbound.ErrorText;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * What an answer GitHub did not accept means (docs.github.com, "Rate limits for the REST API" and
 * "Troubleshooting"): a 403 or 429 with {@code x-ratelimit-remaining: 0} is the primary rate limit,
 * over at {@code x-ratelimit-reset} (epoch seconds); one with {@code retry-after} a secondary
 * limit, over after that many seconds; a 429 without either, or a 403 whose message says "rate
 * limit", is still a limit (wait a minute, GitHub says). A 403 without any of them is a permission
 * the token lacks, and 401, 404 and 422 are refusals too: retrying them changes nothing. 5xx is an
 * outage.
 */
final class GitHubFailures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GitHubFailures() {}

  static CommitStatusException of(
      String address, String call, int status, HttpHeaders headers, String body, Clock clock) {
    String said = message(body);
    String what = "GitHub at " + address + " answered " + call + " with HTTP " + status + said;
    if (status == 403 || status == 429) {
      Instant retryAt = rateLimitEnd(headers, clock);
      if (retryAt != null) {
        return new CommitStatusException(
            Kind.OUTAGE, what + " (rate-limited until " + retryAt + ")", retryAt, null);
      }
      if (status == 429 || said.toLowerCase(java.util.Locale.ROOT).contains("rate limit")) {
        Instant minute = clock.instant().plusSeconds(60);
        return new CommitStatusException(Kind.OUTAGE, what + " (rate-limited)", minute, null);
      }
    }
    if (status >= 500) return new CommitStatusException(Kind.OUTAGE, what, null, null);
    return new CommitStatusException(Kind.REJECTED, what + hint(status), null, null);
  }

  /** When a rate limit GitHub signalled ends, or null when the answer signals none. */
  static Instant rateLimitEnd(HttpHeaders headers, Clock clock) {
    OptionalLong retryAfter = number(headers, "retry-after");
    if (retryAfter.isPresent()) return clock.instant().plusSeconds(retryAfter.getAsLong());
    OptionalLong remaining = number(headers, "x-ratelimit-remaining");
    if (remaining.isPresent() && remaining.getAsLong() == 0) {
      OptionalLong reset = number(headers, "x-ratelimit-reset");
      return reset.isPresent()
          ? Instant.ofEpochSecond(reset.getAsLong())
          : clock.instant().plusSeconds(60);
    }
    return null;
  }

  private static OptionalLong number(HttpHeaders headers, String name) {
    return headers
        .firstValue(name)
        .map(String::strip)
        .filter(v -> v.matches("\\d{1,12}"))
        .map(v -> OptionalLong.of(Long.parseLong(v)))
        .orElse(OptionalLong.empty());
  }

  /** GitHub's own {@code message} ("Bad credentials", "Validation Failed"), cut short. */
  private static String message(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.path("message").isTextual()) {
        return ": " + ErrorText.excerpt(node.path("message").asText(), 120);
      }
    } catch (Exception e) {
      // not GitHub's JSON (a proxy's page): the status says enough
    }
    return "";
  }

  private static String hint(int status) {
    return switch (status) {
      case 401 -> "; the token (tollgate.github.token) is wrong or expired";
      case 403 -> "; the token lacks a permission (commit statuses, pull requests: write)";
      case 404 -> "; no such repository, commit or pull request, or the token cannot see it";
      case 422 -> "; GitHub refused the content";
      default -> "";
    };
  }
}
