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
}
