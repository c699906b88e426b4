package dev.tollgate.stages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote's URL as the lineage records it: without user-info (a user name, password or token in
 * {@code https://user:token@host/...}), query or fragment, which may carry credentials too. The
 * scp-like form {@code git@host:org/repo.git} loses its {@code git@} the same way, so that every
 * recorded URL is free of user names.
 */
public final class RemoteUrls {
  /** scheme://[user-info@]rest */
  private static final Pattern WITH_SCHEME =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)(?:[^/?#]*@)?([^?#]*).*", Pattern.DOTALL);

  /** [user@]host:path, git's scp-like syntax (no scheme, a ':' before any '/') */
  private static final Pattern SCP_LIKE =
      Pattern.compile("(?:[^/@:]+@)?([^/:]+:.*)", Pattern.DOTALL);

  private RemoteUrls() {}

  public static String withoutCredentials(String url) {
    String u = url.strip();
    Matcher m = WITH_SCHEME.matcher(u);
    if (m.matches()) return m.group(1) + m.group(2);
    Matcher scp = SCP_LIKE.matcher(u);
    if (!u.startsWith("/") && scp.matches()) return scp.group(1);
    return u; // a local path
  }
}
