package dev.tollgate.worker.serving;

import dev.tollgate.worker.config.TollgateProperties;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Where this worker's serving API answers, for the smoke test: {@code tollgate.serving.url} when
 * set (a load balancer in front of the workers), else this process's own HTTP port on the address
 * it listens on (loopback by default, and for a wildcard), known once the web server has started
 * (the port may be 0 = any free one).
 */
@Component
public class ServingAddress implements ApplicationListener<WebServerInitializedEvent> {
  private final String configured;
  private final ServingSwitchProperties environments;
  private final String host;
  private final AtomicInteger port = new AtomicInteger(-1);

  /**
   * @param bound {@code server.address} (TOLLGATE_HTTP_ADDRESS): the smoke test calls that address,
   *     or loopback when the port listens on every interface
   */
  public ServingAddress(
      TollgateProperties properties,
      ServingSwitchProperties serving,
      @Value("${server.address:}") String bound) {
    this.configured = properties.serving().url();
    this.environments = serving;
    this.host = selfAddress(bound);
    if (!serving.enabled() && (configured == null || configured.isBlank())) {
      throw new IllegalStateException(
          "in-process serving is off (tollgate.serving.enabled=false, TOLLGATE_SERVING_ENABLED)"
              + " and no serving URL is set: the deploy stage's smoke test would have no serving"
              + " API to ask. Set TOLLGATE_SERVING_URL (tollgate.serving.url) to where `tollgate"
              + " serve` answers, e.g. http://127.0.0.1:8090 (docs/serving.md)");
    }
  }

  /** The serving URL of {@code environment}: its own, else {@link #uri()}. */
  public URI uri(String environment) {
    String own = environments.urlOf(environment);
    return own != null ? URI.create(own) : uri();
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    // the management server (its own port, docs/observability.md) starts too: not serving's
    if (event.getApplicationContext().getServerNamespace() != null) return;
    port.set(event.getWebServer().getPort());
  }

  public URI uri() {
    if (configured != null && !configured.isBlank()) return URI.create(configured);
    int p = port.get();
    if (p <= 0)
      throw new IllegalStateException("the worker's HTTP server has not started: no serving API");
    return URI.create("http://" + host + ":" + p);
  }

  private static String selfAddress(String bound) {
    String b = bound == null ? "" : bound.strip();
    if (b.isEmpty() || b.equals("0.0.0.0") || b.equals("::") || b.equals("[::]")) {
      return "127.0.0.1";
    }
    return b.contains(":") && !b.startsWith("[") ? "[" + b + "]" : b;
  }
}
