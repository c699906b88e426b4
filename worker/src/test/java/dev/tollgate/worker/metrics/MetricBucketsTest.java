package dev.tollgate.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The histograms that keep buckets are exactly those the Grafana dashboard draws quantiles from,
 * with the buckets chosen for each; a Timer that asks for a percentile histogram gets none (issue
 * 22, item 15).
 */
class MetricBucketsTest {
  private static final Path DASHBOARD = Path.of("../docker/grafana/dashboards/tollgate.json");

  @Test
  void theHistogramsAreTheOnesTheDashboardReads() throws Exception {
    Matcher buckets = Pattern.compile("(\\w+)_seconds_bucket").matcher(Files.readString(DASHBOARD));
    Set<String> queried = new TreeSet<>();
    while (buckets.find()) queried.add(buckets.group(1));

    assertThat(queried).isEqualTo(new TreeSet<>(MetricBuckets.HISTOGRAMS.keySet()));
  }

  @Test
  void aDashboardHistogramHasItsBucketsAndNoOtherTimerHasAny() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().meterFilter(new MetricBuckets());
    // as ServingMeters and Temporal's SDK build them: asking for a percentile histogram
    Timer.builder("tollgate_serving_latency")
        .tag("model", "m")
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.ofMillis(30));
    Timer.builder("temporal_request_latency")
        .tag("operation", "PollWorkflowTaskQueue")
        .publishPercentileHistogram(true)
        .register(registry)
        .record(Duration.ofMillis(30));

    String scrape = registry.scrape();

    Set<String> les =
        scrape
            .lines()
            .filter(l -> l.startsWith("tollgate_serving_latency_seconds_bucket{"))
            .map(l -> l.replaceAll(".*le=\"([^\"]+)\".*", "$1"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(les)
        .containsExactlyInAnyOrder(
            "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "+Inf");
    assertThat(scrape).doesNotContain("temporal_request_latency_seconds_bucket");
    assertThat(scrape)
        .contains("temporal_request_latency_seconds_count", "temporal_request_latency_seconds_max");
  }
}
