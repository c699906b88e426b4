package dev.tollgate.adapters.aws.ecs;

import dev.tollgate.activities.Failures;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * {@code deploy.ecs.url} as the smoke test calls it: an absolute {@code http://} or {@code
 * https://} URL with a host name. The spec parser refuses other values in a spec file, but a spec
 * also reaches the deploy stage from elsewhere (the registry's copy for a rollback, a client that
 * builds its own request), so the stage checks again before the service changes: a deploy whose
 * smoke test cannot even be attempted would leave the service on an untested revision.
 *
 * <p>Refusals never quote the URL (it may carry a user name, a password or a token), only what is
 * wrong with it.
 */
public final class ServiceUrl {
  private ServiceUrl() {}

  /**
   * The URL, checked.
   *
   * @throws io.temporal.failure.ApplicationFailure {@code TollgateInvalidData} naming {@code
   *     deploy.ecs.url} and what is wrong
   */
  public static URI parse(String url) {
    if (url == null || url.isBlank()) throw refused("missing; the smoke test calls it");
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw refused(
          "not an http:// or https:// URL ("
              + e.getReason().toLowerCase(Locale.ROOT)
              + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "")
              + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw refused("not an http:// or https:// URL");
    }
    if (uri.getHost() == null) throw refused("not an http:// or https:// URL with a host name");
    return uri;
  }

  private static RuntimeException refused(String what) {
    return Failures.invalidData(
        EcsDeployer.URL_KEY + ": " + what + " (the ECS service's serving API, docs/deploy.md)");
  }
}
