package dev.tollgate.worker.serving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The served models' request metrics: {@code tollgate_serving_requests_total{model,version,status}}
 * and {@code tollgate_serving_latency_seconds{model}}. A 404 (no such model) is counted as {@code
 * model="unknown"}, so requests for random names cannot grow the label without bound.
 */
@Component
public class ServingMeters {
  private final MeterRegistry meters;

  public ServingMeters(MeterRegistry meters) {
    this.meters = meters;
  }

  /**
   * One answered request.
   *
   * @param version the version that answered, {@code null} when none did (an error)
   * @param status the HTTP status sent
   */
  public void record(String model, Integer version, int status, long elapsedNanos) {
    String name = status == 404 ? "unknown" : model;
    Counter.builder("tollgate_serving_requests")
        .description("Prediction requests by model, answering version and HTTP status")
        .tags(
            "model",
            name,
            "version",
            version == null ? "none" : Integer.toString(version),
            "status",
            Integer.toString(status))
        .register(meters)
        .increment();
    Timer.builder("tollgate_serving_latency")
        .description("Time to answer a prediction request, errors included")
        .tag("model", name)
        .publishPercentileHistogram()
        .register(meters)
        .record(elapsedNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }
}
