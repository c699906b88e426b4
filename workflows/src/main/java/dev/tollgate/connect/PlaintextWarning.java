package dev.tollgate.connect;

import java.util.Locale;
import java.util.Optional;

/**
 * What the worker and the CLI say when they talk to a Temporal server on another machine without a
 * payload codec key: that server stores, and its UI shows, every spec, metric, approver's comment
 * and report summary in clear, and whoever administers it (or reads its database, or its backups)
 * reads them too. On this machine (loopback, the embedded server) nothing leaves it, and nothing is
 * said. A warning rather than a refusal: a self-hosted server inside the team's own trust boundary
 * is a fair choice, but it must be a choice.
 */
public final class PlaintextWarning {
  private PlaintextWarning() {}

  /**
   * @param address the server's {@code host:port}
   * @param codecKeySet whether {@code TOLLGATE_CODEC_KEY} ({@code tollgate.codec.key}) is set
   * @return the warning, or empty when the server is on this machine or payloads are encrypted
   */
  public static Optional<String> about(String address, boolean codecKeySet) {
    if (codecKeySet || isLoopback(address)) return Optional.empty();
    return Optional.of(
        "Temporal at "
            + address
            + " is not on this machine and TOLLGATE_CODEC_KEY is not set: specs, metrics,"
            + " approvers' comments and report summaries are stored in clear on that server and"
            + " shown by its UI. Set the same codec key on every worker and CLI to encrypt them"
            + " (docs/security.md, \"Payload encryption\").");
  }

  /**
   * Whether {@code host:port} names this machine by a loopback literal or {@code localhost}. Names
   * are not resolved: a warning must not wait on DNS, and a name that happens to resolve to
   * loopback today is not a promise.
   */
  static boolean isLoopback(String address) {
    String host = host(address).toLowerCase(Locale.ROOT);
    return host.equals("localhost")
        || host.endsWith(".localhost")
        || host.startsWith("127.")
        || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1");
  }

  private static String host(String address) {
    String a = address == null ? "" : address.strip();
    int scheme = a.indexOf("://");
    if (scheme >= 0) a = a.substring(scheme + 3);
    if (a.startsWith("[")) {
      int end = a.indexOf(']');
      return end < 0 ? a : a.substring(1, end);
    }
    int colon = a.lastIndexOf(':');
    return colon >= 0 && a.indexOf(':') == colon ? a.substring(0, colon) : a;
  }
}
