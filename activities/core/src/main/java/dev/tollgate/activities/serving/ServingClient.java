package dev.tollgate.activities.serving;

import java.util.List;
import java.util.Map;

/**
 * How the deploy stage talks to serving: over HTTP in the worker ({@link HttpServingClient}, what a
 * client of the model sees), in-process in tests and tools ({@link InProcessServingClient}).
 */
public interface ServingClient {
  /** The versions {@code model} serves (stable first, then a canary), or a 404 ServingError. */
  List<Integer> versions(String model);

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
   * The version of {@code model} serving could not load (it stays on the previous one), or {@code
   * null}: the smoke test fails at once on it instead of waiting for a version that will not come.
   */
  default LoadFailure loadFailure(String model) {
    return null;
  }

  /**
   * The client for an environment's serving ({@code production}, {@code staging}...): where {@code
   * tollgate serve} runs, each environment may have a URL of its own. This one by default.
   */
  default ServingClient forEnvironment(String environment) {
    return this;
  }
}
