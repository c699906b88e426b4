package dev.tollgate.activities.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which hosts a URL from a spec ({@code notify.webhook.url}, {@code tracking.mlflow.uri}, {@code
 * deploy.ecs.url}) may reach: the worker's allow-list ({@link AllowedHosts}), then every address
 * the host resolves to, by kind ({@link AddressKind}):
 *
 * <ul>
 *   <li>public: open to any entry that matches, {@code *} included;
 *   <li>private: only when an entry names the host or its domain ({@code *} does not open them);
 *   <li>loopback: only when an entry names the host itself;
 *   <li>link-local (the cloud metadata service) and addresses that are no server's: never.
 * </ul>
 *
 * The worker's own settings (Slack's API, the registry, the S3 endpoint, the serving URL) are an
 * operator's and are not checked here. {@link OutboundHttp} connects only to the addresses this
 * check returned, so a name cannot resolve to one address for the check and another for the
 * connection.
 */
public final class OutboundPolicy {
  public static final String SETTING = "tollgate.outbound.allowed-hosts";
  public static final String ENV = "TOLLGATE_OUTBOUND_ALLOWED_HOSTS";

  /** Name to addresses; {@link InetAddress#getAllByName} outside tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final AllowedHosts allowed;
  private final Resolver resolver;

  private OutboundPolicy(AllowedHosts allowed, Resolver resolver) {
    this.allowed = allowed;
    this.resolver = resolver;
  }

  /**
   * @param entries the allow-list; empty: no spec URL may be reached
   * @throws IllegalArgumentException naming an entry that cannot be read
   */
  public static OutboundPolicy of(List<String> entries) {
    return new OutboundPolicy(AllowedHosts.parse(entries), InetAddress::getAllByName);
  }

  /** The worker's default: {@code *}, any host on a public address. */
  public static OutboundPolicy defaults() {
    return of(List.of("*"));
  }

  /** The same list, names resolved by {@code resolver} (tests). */
  public OutboundPolicy withResolver(Resolver resolver) {
    return new OutboundPolicy(allowed, resolver);
  }

  public List<String> allowedHosts() {
    return allowed.entries();
  }

  /**
   * Checks the URL a spec gave under {@code key}: http or https, a host, the host allowed and every
   * address it resolves to open to it.
   *
   * @return the addresses checked
   * @throws OutboundRefused when the run may not reach it
   * @throws UnknownHostException when the host does not resolve (perhaps only for now)
   */
  public List<InetAddress> check(String key, URI uri) throws UnknownHostException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = HostNames.normalize(uri.getHost());
    String shown = host == null ? "(no host)" : host;
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new OutboundRefused(key, shown, "only http:// and https:// URLs are followed");
    }
    if (host == null) throw new OutboundRefused(key, shown, "the URL has no host name");
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    try {
      return addresses(host, port);
    } catch (OutboundRefused r) {
      throw r.forKey(key);
    }
  }

  /**
   * Resolves {@code host} and checks each address; the connection may go to these only.
   *
   * @param port the port to connect to, or -1 when not known (entries with a port then do not
   *     match)
   */
  List<InetAddress> addresses(String host, int port) throws UnknownHostException {
    String h = HostNames.normalize(host);
    String hostPort =
        (h != null && h.contains(":") ? "[" + h + "]" : h) + (port < 0 ? "" : ":" + port);
    if (h == null) throw new OutboundRefused(null, String.valueOf(host), "not a host name");
    AllowedHosts.Grant grant = allowed.grant(h, port);
    if (grant == AllowedHosts.Grant.NONE) {
      throw new OutboundRefused(
          null, hostPort, "the host is not in " + SETTING + " (" + ENV + ") of this worker");
    }
    InetAddress[] all = resolver.resolve(h);
    for (InetAddress a : all) {
      AddressKind kind = AddressKind.of(a);
      if (opens(grant, kind)) continue;
      String address = HostNames.compact(a.getHostAddress());
      String what = address.equals(h) ? "it is " : "it resolves to " + address + ", ";
      throw new OutboundRefused(null, hostPort, what + kind.description() + ", " + rule(kind));
    }
    return List.of(all);
  }

  private static boolean opens(AllowedHosts.Grant grant, AddressKind kind) {
    return switch (kind) {
      case PUBLIC -> true;
      case PRIVATE -> grant == AllowedHosts.Grant.DOMAIN || grant == AllowedHosts.Grant.NAMED;
      case LOOPBACK -> grant == AllowedHosts.Grant.NAMED;
      case LINK_LOCAL, NOT_A_SERVER -> false;
    };
  }

  private static String rule(AddressKind kind) {
    String setting = SETTING + " (" + ENV + ")";
    return switch (kind) {
      case PRIVATE ->
          "which a spec may reach only when " + setting + " names the host or its domain";
      case LOOPBACK -> "which a spec may reach only when " + setting + " names the host itself";
      default -> "which a spec may never reach";
    };
  }
}
