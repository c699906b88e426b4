package dev.tollgate.activities.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * What kind of address a spec's host resolved to, which decides how explicitly the worker's
 * allow-list must name the host before a run may connect to it ({@link OutboundPolicy}). IPv6
 * addresses that carry an IPv4 address (IPv4-mapped and -compatible, NAT64 {@code 64:ff9b::/96},
 * 6to4 {@code 2002::/16}) are judged by the IPv4 address inside, so {@code [64:ff9b::7f00:1]} is as
 * much a loopback address as {@code 127.0.0.1}.
 */
public enum AddressKind {
  /** Anything routed on the internet. */
  PUBLIC("a public address"),
  /** 10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT), fc00::/7, fec0::/10. */
  PRIVATE("a private address"),
  /** 127/8, ::1: the worker itself. */
  LOOPBACK("a loopback address"),
  /** 169.254/16 (the cloud metadata service at 169.254.169.254), fe80::/10. */
  LINK_LOCAL("a link-local address (the cloud metadata service lives there)"),
  /** 0/8, ::, multicast, 240/4 and the broadcast address: never a server. */
  NOT_A_SERVER("not a server's address (unspecified, multicast or reserved)");

  private final String description;

  AddressKind(String description) {
    this.description = description;
  }

  /** "a loopback address", for refusals. */
  public String description() {
    return description;
  }

  public static AddressKind of(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      InetAddress inner = embeddedIpv4(v6.getAddress());
      if (inner != null) return of(inner);
      byte[] b = v6.getAddress();
      if (v6.isAnyLocalAddress() || v6.isMulticastAddress()) return NOT_A_SERVER;
      if (v6.isLoopbackAddress()) return LOOPBACK;
      if (v6.isLinkLocalAddress()) return LINK_LOCAL;
      if (v6.isSiteLocalAddress() || (b[0] & 0xfe) == 0xfc) return PRIVATE;
      return PUBLIC;
    }
    byte[] b = ((Inet4Address) address).getAddress();
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0 || first >= 224) return NOT_A_SERVER; // this network, multicast, 240/4
    if (first == 127) return LOOPBACK;
    if (first == 169 && second == 254) return LINK_LOCAL;
    if (first == 10
        || (first == 172 && second >= 16 && second <= 31)
        || (first == 192 && second == 168)
        || (first == 100 && second >= 64 && second <= 127)) {
      return PRIVATE;
    }
    return PUBLIC;
  }

  /** The IPv4 address inside an IPv6 one that only wraps it, or {@code null}. */
  private static InetAddress embeddedIpv4(byte[] b) {
    int from = -1;
    if (zeros(b, 0, 12) && !zeros(b, 12, 16) && !(zeros(b, 12, 15) && b[15] == 1)) {
      from = 12; // ::a.b.c.d (but not :: or ::1)
    } else if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      from = 12; // ::ffff:a.b.c.d (Java usually hands these out as IPv4 already)
    } else if ((b[0] & 0xff) == 0x00
        && (b[1] & 0xff) == 0x64
        && (b[2] & 0xff) == 0xff
        && (b[3] & 0xff) == 0x9b
        && zeros(b, 4, 12)) {
      from = 12; // 64:ff9b::a.b.c.d (NAT64)
    } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
      from = 2; // 2002:aabb:ccdd::/48 (6to4)
    }
    if (from < 0) return null;
    try {
      return InetAddress.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]});
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static boolean zeros(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) if (b[i] != 0) return false;
    return true;
  }
}
