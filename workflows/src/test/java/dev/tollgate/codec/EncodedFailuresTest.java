package dev.tollgate.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * With a codec key, a failure's message and stack trace are ciphertext in what reaches the server
 * (an activity's failure, an Update's refusal), and a process with the key reads them back.
 */
class EncodedFailuresTest {
  private static final String KEY =
      "k1:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
  private static final String MESSAGE = "load.csv has no column 'SECRET-SENTINEL'";

  @Test
  void withAKeyTheMessageAndStackTraceLeaveTheProcessEncrypted() {
    DataConverter converter = TollgateDataConverter.of(KEY);
    Failure failure =
        converter.exceptionToFailure(
            ApplicationFailure.newNonRetryableFailure(MESSAGE, "TollgateInvalidData"));

    assertThat(failure.getMessage()).isEqualTo("Encoded failure").doesNotContain("SENTINEL");
    assertThat(failure.getStackTrace()).isEmpty();
    assertThat(failure.getApplicationFailureInfo().getType()).isEqualTo("TollgateInvalidData");
    assertThat(failure.hasEncodedAttributes()).isTrue();
    assertThat(failure.toByteString().toString(StandardCharsets.ISO_8859_1))
        .doesNotContain("SENTINEL", "TollgateDataConverter", "no column");

    ApplicationFailure back = (ApplicationFailure) converter.failureToException(failure);
    assertThat(back.getOriginalMessage()).isEqualTo(MESSAGE);
    assertThat(back.getType()).isEqualTo("TollgateInvalidData");
  }

  @Test
  void withoutAKeyFailuresStayAsTheyWere() {
    Failure failure =
        TollgateDataConverter.of("")
            .exceptionToFailure(ApplicationFailure.newFailure(MESSAGE, "TollgateInvalidData"));
    assertThat(failure.getMessage()).isEqualTo(MESSAGE);
    assertThat(failure.hasEncodedAttributes()).isFalse();
  }
}
