package dev.tollgate.worker.serving;

import dev.tollgate.worker.config.TollgateProperties;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Where this worker's serving API answers, for the smoke test: {@code tollgate.serving.url} when
 * set (a load balancer in front of the workers), else this process's own HTTP port on loopback,
 * known once the web server has started (the port may be 0 = any free one).
 */
@Component
public class ServingAddress implements ApplicationListener<WebServerInitializedEvent> {
  private final String configured;
  private final AtomicInteger port = new AtomicInteger(-1);

  public ServingAddress(TollgateProperties properties) {
    this.configured = properties.serving().url();
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
    return URI.create("http://127.0.0.1:" + p);
  }
}
