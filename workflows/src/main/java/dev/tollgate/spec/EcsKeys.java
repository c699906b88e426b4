package dev.tollgate.spec;

import java.util.Set;

/**
 * Reads an {@code ecs} mapping ({@code deploy.ecs}, {@code deploy.environments[i].ecs}): required
 * with target ecs, refused with any other target.
 */
final class EcsKeys {
  private EcsKeys() {}

  static DeploySpec.Ecs read(YamlSection s, DeploySpec.Target target) {
    YamlSection e = s.section("ecs", false);
    if (target != DeploySpec.Target.ECS) {
      if (e != null)
        throw s.error("ecs", "applies to target: ecs only; remove it or set target: ecs");
      return null;
    }
    if (e == null) throw s.error("ecs", "missing; target ecs needs {cluster, service, url}");
    e.rejectUnknownKeys(Set.of("cluster", "service", "container", "url", "stable_timeout"));
    String url = e.string("url", true);
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      throw e.error("url", "expected the service's http:// or https:// address, got '" + url + "'");
    }
    if (!hasHost(url)) {
      // e.g. a space in the host: the smoke test could not call it, so the deploy would not start
      throw e.error("url", "expected the service's http:// or https:// address with a host name");
    }
    return new DeploySpec.Ecs(
        e.string("cluster", true),
        e.string("service", true),
        e.string("container", false),
        url,
        e.duration("stable_timeout", false));
  }

  /** Whether {@code url} parses as an absolute URL with a host name (what a client can call). */
  private static boolean hasHost(String url) {
    try {
      return new java.net.URI(url).getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
