package dev.tollgate.activities.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.serving.ServingAnswer;
import dev.tollgate.activities.serving.ServingClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A deployment gets a moment to answer its health check before the smoke test fails it. */
class SmokeTesterReadinessTest {

  /** Unhealthy for its first {@code failures} checks, healthy after. */
  private static ServingClient healthyAfter(int failures, AtomicInteger checks) {
    return new ServingClient() {
      @Override
      public boolean healthy() {
        return checks.incrementAndGet() > failures;
      }

      @Override
      public List<Integer> versions(String model) {
        throw new UnsupportedOperationException();
      }

      @Override
      public ServingAnswer predict(String model, List<Map<String, Object>> rows, Integer v) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void aServingThatBecomesHealthyWithinTheWindowPasses() {
    AtomicInteger checks = new AtomicInteger();
    boolean healthy =
        SmokeTester.awaitHealthy(
            healthyAfter(3, checks), Duration.ofSeconds(5), Duration.ofMillis(10));
    assertThat(healthy).isTrue();
    assertThat(checks).hasValue(4);
  }

  @Test
  void aServingThatNeverAnswersFailsOnceTheWindowIsOver() {
    AtomicInteger checks = new AtomicInteger();
    long start = System.nanoTime();
    boolean healthy =
        SmokeTester.awaitHealthy(
            healthyAfter(Integer.MAX_VALUE, checks), Duration.ofMillis(200), Duration.ofMillis(20));
    assertThat(healthy).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    assertThat(checks.get()).isGreaterThan(2);
  }
}
