package dev.tollgate.serve;

import dev.tollgate.activities.serving.ModelServing;
import dev.tollgate.activities.serving.ModelState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: the process answers (liveness). {@code GET /ready}: 200 when every assigned
 * model is loaded, with the version of each; else 503 naming each model that is missing and why
 * (not deployed yet, or its version could not be loaded). A load balancer sends traffic on {@code
 * /ready}; an orchestrator restarts on {@code /health}.
 */
@RestController
class ReadinessController {
  private final ModelServing serving;

  ReadinessController(ModelServing serving) {
    this.serving = serving;
  }

  @GetMapping(path = "/health", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> health() {
    return Map.of("status", "UP");
  }

  @GetMapping(path = "/ready", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> ready() {
    List<String> assigned = serving.assigned();
    Map<String, Object> loaded = new LinkedHashMap<>();
    Map<String, Object> missing = new LinkedHashMap<>();
    for (String model : assigned) {
      ModelState state = serving.state(model);
      if (state.loaded()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", state.version());
        if (state.failure() != null) {
          m.put("load_failure", "v" + state.failure().version() + ": " + state.failure().reason());
        }
        loaded.put(model, m);
      } else {
        missing.put(model, state.missing());
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("environment", serving.scope().describe());
    body.put("models", loaded);
    if (assigned.isEmpty()) {
      missing.put(
          "*", "no model is deployed to " + serving.scope().describe() + " yet: nothing to serve");
    }
    if (!missing.isEmpty()) {
      body.put("status", "NOT_READY");
      body.put("missing", missing);
      return ResponseEntity.status(503).body(body);
    }
    body.put("status", "READY");
    return ResponseEntity.ok(body);
  }
}
