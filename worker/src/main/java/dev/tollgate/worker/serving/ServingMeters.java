package dev.tollgate.worker.serving;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The served models' request metrics: {@code tollgate_serving_requests_total{model,version,status}}
 * and {@code tollgate_serving_latency_seconds{model}}. The {@code model} label is a model this
 * worker serves, or {@code unknown} for every other name a request asked for (the controller
 * decides before it reads the body), so random names in request paths cannot grow the series
 * without bound; {@code version} is the version that answered, and {@code status} one of the few
 * the API sends.
 */
@Component
public class ServingMeters {
  /** The label of every request for a model that is not served here. */
  public static final String UNKNOWN = "unknown";

  private final MeterRegistry meters;

  public ServingMeters(MeterRegistry meters) {
    this.meters = meters;
  }

  /**
   * One answered request.
   *
   * @param model a served model's name, or {@link #UNKNOWN}
   * @param version the version that answered, {@code null} when none did (an error)
   * @param status the HTTP status sent
   */
  public void record(String model, Integer version, int status, long elapsedNanos) {
    Counter.builder("tollgate_serving_requests")
        .description("Prediction requests by model, answering version and HTTP status")
        .tags(
            "model",
            model,
            "version",
            version == null ? "none" : Integer.toString(version),
            "status",
            Integer.toString(status))
        .register(meters)
        .increment();
    Timer.builder("tollgate_serving_latency")
        .description("Time to answer a prediction request, errors included")
        .tag("model", model)
        .publishPercentileHistogram()
        .register(meters)
        .record(elapsedNanos, TimeUnit.NANOSECONDS);
  }

  /**
   * A version of {@code model} that could not be loaded (serving stayed on the previous one), once
   * per pointer change: {@code tollgate_serving_load_failures_total{model}}. {@code model} is a
   * served name with a pointer, so the series stay as few as the models.
   */
  public void loadFailed(String model, int version, String reason) {
    Counter.builder("tollgate_serving_load_failures")
        .description(
            "Serving pointers whose model could not be loaded; the previous version serves")
        .tag("model", model)
        .register(meters)
        .increment();
  }
}
