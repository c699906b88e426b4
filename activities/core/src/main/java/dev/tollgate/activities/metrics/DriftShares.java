package dev.tollgate.activities.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@value #NAME}{model}: the share of a model's features found drifted by the latest measurement, a
 * guardian's inspection of new data or a run's validation. A gauge is a level, so a retried
 * activity setting it again changes nothing.
 */
public final class DriftShares {
  static final String NAME = "tollgate_drift_share";

  private final MeterRegistry meters;
  private final Map<String, AtomicLong> latest = new ConcurrentHashMap<>();

  public DriftShares(MeterRegistry meters) {
    this.meters = meters;
  }

  public void record(String model, double share) {
    latest
        .computeIfAbsent(
            model,
            m -> {
              // the double's bits: the JDK has no AtomicDouble
              AtomicLong level = new AtomicLong(Double.doubleToLongBits(Double.NaN));
              Gauge.builder(NAME, level, l -> Double.longBitsToDouble(l.get()))
                  .description("Share of the model's features drifted at the latest measurement")
                  .tag("model", m)
                  .register(meters);
              return level;
            })
        .set(Double.doubleToLongBits(share));
  }
}
