package dev.tollgate.adapters.aws.ecs;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Where an ECS deployment is, as {@code Deployment.location()}: {@code
 * ecs://<cluster>/<service>?deployed=<task definition ARN>&previous=<ARN>&url=<service URL>}, so
 * the smoke test knows where to call and a rollback knows the revision to restore.
 */
public record EcsLocation(
    String cluster, String service, String deployed, String previous, String url) {
  String uri() {
    return "ecs://"
        + cluster
        + "/"
        + service
        + "?deployed="
        + enc(deployed)
        + "&previous="
        + enc(previous)
        + "&url="
        + enc(url);
  }

  /** The service as a spec section, for the rollback (the default stable timeout). */
  dev.tollgate.spec.DeploySpec.Ecs spec() {
    return new dev.tollgate.spec.DeploySpec.Ecs(cluster, service, null, url, null);
  }

  public static EcsLocation parse(String location) {
    URI u = URI.create(location);
    Map<String, String> q = new HashMap<>();
    for (String part : u.getRawQuery().split("&")) {
      int eq = part.indexOf('=');
      q.put(
          part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return new EcsLocation(
        u.getHost(), u.getPath().substring(1), q.get("deployed"), q.get("previous"), q.get("url"));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }
}
