package dev.tollgate.worker.serving;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tollgate.serving.*} beside {@code url}: whether this worker serves models itself, and
 * where each environment's serving answers for the deploy stage's smoke test.
 *
 * @param enabled env TOLLGATE_SERVING_ENABLED, default true: the worker's in-process serving API
 *     ({@code /v1/models}, {@code /v1/health}); false where {@code tollgate serve} runs, which then
 *     needs {@code tollgate.serving.url}
 * @param environmentUrls the serving URL of one environment ({@code staging}: env
 *     TOLLGATE_SERVING_URL_STAGING; {@code production}: TOLLGATE_SERVING_URL_PRODUCTION); blank =
 *     the common {@code tollgate.serving.url}
 */
@ConfigurationProperties("tollgate.serving")
public record ServingSwitchProperties(
    @DefaultValue("true") boolean enabled, Map<String, String> environmentUrls) {

  public ServingSwitchProperties {
    environmentUrls = environmentUrls == null ? Map.of() : Map.copyOf(environmentUrls);
  }

  /** The environment's own URL, or {@code null}. */
  public String urlOf(String environment) {
    String url = environmentUrls.get(environment);
    return url == null || url.isBlank() ? null : url.strip();
  }
}
