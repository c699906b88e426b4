package dev.tollgate.activities.serving;

import java.util.List;
import java.util.Map;

/**
 * How the deploy stage talks to serving: over HTTP in the worker ({@link HttpServingClient}, what a
 * client of the model sees), in-process in tests and tools ({@link InProcessServingClient}).
 */
public interface ServingClient {
  /**
   * The versions {@code model} serves and the version serving could not load, from one request.
   * While nothing is loaded because a load failed, the versions are empty and the failure is set.
   *
   * @throws ServingError 404 when the model is not served there; 503 while it is not loaded yet
   */
  ServingStatus status(String model);

  /** Whether the server answers its health check. */
  boolean healthy();

  /**
   * Why the server does not pass its health check, in words for the run's failure ("serving at
   * host:port does not answer its health check (GET /v1/health: Connection refused)"), or {@code
   * null} when it passes.
   */
  default String unhealthy() {
    return healthy() ? null : "serving does not answer its health check";
  }

  ServingAnswer predict(String model, List<Map<String, Object>> rows, Integer version);

  /**
   * The client for an environment's serving ({@code production}, {@code staging}...): where {@code
   * tollgate serve} runs, each environment may have a URL of its own. This one by default.
   */
  default ServingClient forEnvironment(String environment) {
    return this;
  }
}
