package dev.tollgate.activities.outbound;

import dev.tollgate.activities.Failures;
import io.temporal.failure.ApplicationFailure;

/**
 * A URL from a spec that the worker's {@link OutboundPolicy} does not let a run reach. Thrown
 * before any connection to it is opened. The message names the spec key, the host and port (never
 * the path or query, which may hold a token) and the worker setting that would allow it.
 */
public final class OutboundRefused extends RuntimeException {
  private final String key;
  private final String hostPort;
  private final String reason;

  OutboundRefused(String key, String hostPort, String reason) {
    super(null, null, false, false); // an expected refusal: no stack trace to collect or log
    this.key = key;
    this.hostPort = ErrorText.excerpt(hostPort, 120);
    this.reason = reason;
  }

  /** The same refusal, told of the spec key whose URL it was. */
  OutboundRefused forKey(String specKey) {
    return key != null ? this : new OutboundRefused(specKey, hostPort, reason);
  }

  /** The spec key ({@code notify.webhook.url}...), or {@code null} when not known. */
  public String key() {
    return key;
  }

  @Override
  public String getMessage() {
    return (key == null ? "" : key + ": ") + "refused to connect to " + hostPort + ": " + reason;
  }

  /** As a non-retryable failure of the activity: a retry would be refused all the same. */
  public ApplicationFailure toFailure() {
    return Failures.invalidData(getMessage());
  }
}
