package dev.tollgate.worker.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which Timers keep histogram buckets in {@code /actuator/prometheus}, and which buckets. A
 * percentile histogram is about 70 buckets for each series; Temporal's SDK asks for one on every
 * Timer it reports and the pipeline's Timers did too, so a scrape after a dozen runs was 9,000
 * lines and 2.3 MB (issue 22). Only the three histograms the Grafana dashboard draws quantiles from
 * keep buckets here, a few chosen for what each measures; every other Timer is {@code _count},
 * {@code _sum} and {@code _max}. docker/grafana/dashboards/tollgate.json and docs/observability.md
 * list the series the dashboard reads; MetricBucketsTest holds this class to that file.
 */
@Component
public class MetricBuckets implements MeterFilter {
  /** A stage: a notify in under a second, a training in minutes, an approval wait in days. */
  static final List<Duration> STAGE =
      List.of(
          Duration.ofMillis(500),
          Duration.ofSeconds(2),
          Duration.ofSeconds(10),
          Duration.ofSeconds(30),
          Duration.ofMinutes(1),
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofHours(1),
          Duration.ofHours(6),
          Duration.ofHours(24),
          Duration.ofHours(72));

  /** A human's approval: minutes to the 72 h default timeout, and a week for longer ones. */
  static final List<Duration> APPROVAL =
      List.of(
          Duration.ofMinutes(5),
          Duration.ofMinutes(15),
          Duration.ofHours(1),
          Duration.ofHours(4),
          Duration.ofHours(8),
          Duration.ofHours(24),
          Duration.ofHours(48),
          Duration.ofHours(72),
          Duration.ofDays(7));

  /** A prediction request: milliseconds, with room for a slow model or a cold start. */
  static final List<Duration> SERVING =
      List.of(
          Duration.ofMillis(5),
          Duration.ofMillis(10),
          Duration.ofMillis(25),
          Duration.ofMillis(50),
          Duration.ofMillis(100),
          Duration.ofMillis(250),
          Duration.ofMillis(500),
          Duration.ofSeconds(1),
          Duration.ofMillis(2500));

  /** Meter names (before Prometheus adds {@code _seconds}) and their buckets. */
  static final Map<String, List<Duration>> HISTOGRAMS =
      Map.of(
          "tollgate_stage_duration", STAGE,
          "tollgate_approval_wait", APPROVAL,
          "tollgate_serving_latency", SERVING);

  @Override
  public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    DistributionStatisticConfig.Builder ours =
        DistributionStatisticConfig.builder().percentilesHistogram(false);
    List<Duration> buckets = HISTOGRAMS.get(id.getName());
    if (buckets != null && id.getType() == Meter.Type.TIMER) {
      ours.serviceLevelObjectives(
          buckets.stream().mapToDouble(d -> (double) d.toNanos()).toArray());
    }
    // ours first: what a meter's builder asked for (publishPercentileHistogram) is overridden
    return ours.build().merge(config);
  }
}
