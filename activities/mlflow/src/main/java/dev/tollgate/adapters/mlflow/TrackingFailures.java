package dev.tollgate.adapters.mlflow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What becomes of a tracking call that failed: a warning in the worker's log, one count of {@value
 * #NAME}{model, call} (Prometheus: {@code tollgate_tracking_failures_total}) and the warning's text
 * for the run's own output. Never an exception: tracking does not fail a run.
 */
public final class TrackingFailures {
  static final String NAME = "tollgate_tracking_failures";
  private static final Logger log = LoggerFactory.getLogger(TrackingFailures.class);

  private final MeterRegistry meters;

  /**
   * @param meters where the count goes; {@code null}: Micrometer's global registry
   */
  public TrackingFailures(MeterRegistry meters) {
    this.meters = meters == null ? Metrics.globalRegistry : meters;
  }

  /**
   * @param call what was being done: {@code log_run}, {@code read_champion}, {@code log_artifacts},
   *     {@code move_champion}
   */
  String record(String model, String call, String uri, RuntimeException e) {
    String warning =
        "MLflow at " + uri + ": " + call.replace('_', ' ') + " failed (" + e.getMessage() + ")";
    log.warn("tracking model={} call={}: {}; the run goes on without it", model, call, warning);
    Counter.builder(NAME)
        .description("MLflow tracking calls that failed; the runs went on without them")
        .tags("model", model, "call", call)
        .register(meters)
        .increment();
    return warning;
  }
}
