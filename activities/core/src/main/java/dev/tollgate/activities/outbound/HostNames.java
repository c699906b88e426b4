package dev.tollgate.activities.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/** Host names and IP literals in the one form the allow-list and the URLs are compared in. */
final class HostNames {
  private HostNames() {}

  /**
   * A host as entries and URLs are compared: lower case, no trailing dot, an IPv6 literal without
   * brackets in its canonical form; {@code null} when it is none of these.
   */
  static String normalize(String host) {
    if (host == null) return null;
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
    if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
    if (h.isEmpty()) return null;
    if (h.contains(":")) {
      if (!h.matches("[0-9a-f:.]+")) return null;
      try {
        return compact(InetAddress.getByName(h).getHostAddress()); // a literal: no lookup
      } catch (UnknownHostException e) {
        return null;
      }
    }
    return h;
  }

  /** {@code 0:0:0:0:0:0:0:1} as {@code ::1}: the longest run of zero groups folded. */
  static String compact(String address) {
    if (!address.contains(":") || address.contains(".")) return address;
    String[] groups = address.split(":", -1);
    int bestFrom = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; ) {
      int j = i;
      while (j < groups.length && groups[j].equals("0")) j++;
      if (j - i > bestLength) {
        bestFrom = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    if (bestFrom < 0) return address;
    String head = String.join(":", Arrays.copyOfRange(groups, 0, bestFrom));
    String tail =
        String.join(":", Arrays.copyOfRange(groups, bestFrom + bestLength, groups.length));
    return head + "::" + tail;
  }
}
