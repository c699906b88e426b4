package dev.tollgate.worker.serving;

import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/health}: this process answers on the serving port. What the deploy stage's smoke
 * test and a load balancer ask; it says nothing about Temporal, files or addresses. The full
 * health, with details, is on the management port (docs/observability.md).
 */
@RestController
@ConditionalOnProperty(name = "tollgate.serving.enabled", matchIfMissing = true)
public class ServingHealthController {
  @GetMapping(path = "/v1/health", produces = MediaType.APPLICATION_JSON_VALUE)
  public Map<String, String> health() {
    return Map.of("status", "UP");
  }
}
