package dev.tollgate.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryFailuresTest {
  @Test
  void retryAfterIsSecondsAndNeverAHotLoop() {
    assertThat(DeliveryFailures.retryAfter("7")).isEqualTo(Duration.ofSeconds(7));
    assertThat(DeliveryFailures.retryAfter(" 12 ")).isEqualTo(Duration.ofSeconds(12));
    assertThat(DeliveryFailures.retryAfter("0")).isEqualTo(Duration.ofSeconds(1));
    assertThat(DeliveryFailures.retryAfter(null)).isEqualTo(DeliveryFailures.DEFAULT_RETRY_AFTER);
    assertThat(DeliveryFailures.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT"))
        .isEqualTo(DeliveryFailures.DEFAULT_RETRY_AFTER);
  }

  @Test
  void aRateLimitIsRetryableWithItsDelayAndARefusalIsNot() {
    var limited = DeliveryFailures.rateLimited("Slack chat.postMessage", "5", null);
    assertThat(limited.isNonRetryable()).isFalse();
    assertThat(limited.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(DeliveryFailures.refused("no").isNonRetryable()).isTrue();
  }
}
