package dev.tollgate.activities.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The worker's list of hosts a spec's URLs may name ({@value OutboundPolicy#SETTING}), and how
 * explicitly each entry names a host, which decides the addresses it opens ({@link
 * OutboundPolicy}):
 *
 * <ul>
 *   <li>{@code *}: any host, on public addresses only;
 *   <li>{@code *.corp.example} (optionally {@code :port}): the hosts under that domain (not the
 *       domain itself), public or private;
 *   <li>{@code mlflow.corp.example}, {@code 10.0.0.7:5000}, {@code 127.0.0.1}, {@code [::1]:8080}:
 *       that host (on that port), public, private or loopback.
 * </ul>
 *
 * Names are compared case-insensitively, without a trailing dot; IPv6 literals by their address.
 */
public final class AllowedHosts {
  /** How explicitly an entry names a host: the more explicit, the more kinds of address open. */
  enum Grant {
    NONE,
    ANY,
    DOMAIN,
    NAMED
  }

  private static final Pattern NAME =
      Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");

  /** One entry: {@code host} exact, or the suffix of a domain; {@code port} -1 for any. */
  private record Entry(String host, boolean domain, boolean any, int port) {}

  private final List<Entry> entries;
  private final List<String> texts;

  private AllowedHosts(List<Entry> entries, List<String> texts) {
    this.entries = entries;
    this.texts = texts;
  }

  /**
   * @throws IllegalArgumentException naming the first entry that is not a host, host:port or
   *     *.domain
   */
  public static AllowedHosts parse(List<String> raw) {
    List<Entry> entries = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (String r : raw == null ? List.<String>of() : raw) {
      String text = r == null ? "" : r.trim().toLowerCase(Locale.ROOT);
      if (text.isEmpty()) continue;
      entries.add(entry(text));
      texts.add(text);
    }
    return new AllowedHosts(List.copyOf(entries), List.copyOf(texts));
  }

  private static Entry entry(String text) {
    if (text.equals("*")) return new Entry("", false, true, -1);
    String hostPart = text;
    String portPart = null;
    int close = text.indexOf(']');
    if (text.startsWith("[") && close > 0) { // [v6] or [v6]:port
      hostPart = text.substring(0, close + 1);
      String rest = text.substring(close + 1);
      if (rest.startsWith(":")) portPart = rest.substring(1);
      else if (!rest.isEmpty()) hostPart = null;
    } else if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':')) {
      hostPart = text.substring(0, text.indexOf(':'));
      portPart = text.substring(text.indexOf(':') + 1);
    }
    boolean domain = hostPart != null && hostPart.startsWith("*.");
    String normal =
        hostPart == null ? null : HostNames.normalize(domain ? hostPart.substring(2) : hostPart);
    if (normal == null || (normal.contains(":") ? domain : !NAME.matcher(normal).matches())) {
      throw new IllegalArgumentException(
          OutboundPolicy.SETTING
              + ": '"
              + text
              + "' is not a host, host:port, *.domain or * (write the host alone, without"
              + " scheme or path: mlflow.corp.example:5000)");
    }
    return new Entry(normal, domain, false, portPart == null ? -1 : port(text, portPart));
  }

  private static int port(String text, String digits) {
    try {
      int port = Integer.parseInt(digits);
      if (port >= 1 && port <= 65535) return port;
    } catch (NumberFormatException notANumber) {
      // refused below
    }
    throw new IllegalArgumentException(
        OutboundPolicy.SETTING + ": '" + text + "' has no port from 1 to 65535 after its ':'");
  }

  /** How explicitly the list names {@code host} (normalized) on {@code port}. */
  Grant grant(String host, int port) {
    Grant best = Grant.NONE;
    for (Entry e : entries) {
      if (e.port() != -1 && e.port() != port) continue;
      Grant g =
          e.any()
              ? Grant.ANY
              : e.domain()
                  ? host.endsWith("." + e.host()) ? Grant.DOMAIN : Grant.NONE
                  : host.equals(e.host()) ? Grant.NAMED : Grant.NONE;
      if (g.compareTo(best) > 0) best = g;
    }
    return best;
  }

  /** The entries as configured (lower case), for the worker's start-up log. */
  public List<String> entries() {
    return texts;
  }
}
