package dev.tollgate.activities.outbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The name lookup of {@link OutboundHttp}'s connections: the client connects to exactly the
 * addresses this returns, and it returns only addresses {@link OutboundPolicy} has just checked. A
 * name that resolved to a public address for the check and to 127.0.0.1 a moment later (DNS
 * rebinding) is refused here, at the connection.
 */
final class PinnedResolver implements DnsResolver {
  /** A refusal, in the shape the HTTP client lets through from a lookup. */
  static final class Refused extends UnknownHostException {
    final transient OutboundRefused refusal;

    Refused(OutboundRefused refusal) {
      super(refusal.getMessage());
      this.refusal = refusal;
    }
  }

  private final OutboundPolicy policy;

  PinnedResolver(OutboundPolicy policy) {
    this.policy = policy;
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    return checked(host, port).stream().map(a -> new InetSocketAddress(a, port)).toList();
  }

  /** Without a port only entries without one match: the client asks with the port. */
  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return checked(host, -1).toArray(InetAddress[]::new);
  }

  /** No reverse lookups: the name the URL gave is the name TLS verifies. */
  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }

  private List<InetAddress> checked(String host, int port) throws UnknownHostException {
    try {
      return policy.addresses(host, port);
    } catch (OutboundRefused r) {
      throw new Refused(r);
    }
  }
}
