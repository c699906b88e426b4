package dev.tollgate.activities.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * An outage longer than the SDK's own retries (4 attempts here) is waited out within the budget,
 * and only an outage: a refusal (403) or a budget spent goes up at once.
 */
@ExtendWith(MotoServerExtension.class)
class S3PatienceTest {
  private static final byte[] BYTES = "model bytes".getBytes(StandardCharsets.UTF_8);

  private S3TestBucket s3;

  @BeforeEach
  void setUp(MotoServer moto) throws Exception {
    s3 = new S3TestBucket(moto);
  }

  @AfterEach
  void tearDown() {
    s3.close();
  }

  private S3Objects objects(Duration budget) {
    return new S3Objects(
        s3.client(), new S3Patience(budget, Duration.ofMillis(50), Duration.ofMillis(200)));
  }

  @Test
  void aPutThroughMore503sThanTheSdkRetriesArrivesOnce() {
    S3Location at = S3Location.parse(s3.uri("models/m/model.ubj"));
    s3.proxy().failNext("PUT", 10); // the SDK gives up after 4: patience goes on

    objects(Duration.ofSeconds(30)).put(at, BYTES, "d1");

    assertThat(objects(Duration.ofSeconds(1)).get(at)).hasValue(BYTES);
    assertThat(s3.proxy().requests().stream().filter(r -> r.endsWith("→ 503")).count())
        .isEqualTo(10);
    assertThat(s3.proxy().requests().stream().filter(r -> r.startsWith("PUT") && r.endsWith("200")))
        .hasSize(1);
  }

  @Test
  void anOutageLongerThanTheBudgetGoesUpAsTheSdkFailure() {
    S3Location at = S3Location.parse(s3.uri("models/m/model.ubj"));
    s3.proxy().failNext("GET", 1000);

    assertThatThrownBy(() -> objects(Duration.ofMillis(500)).get(at))
        .isInstanceOf(S3Exception.class)
        .satisfies(e -> assertThat(((S3Exception) e).statusCode()).isEqualTo(503));
  }

  @Test
  void aRefusalIsNotAnOutage() {
    RuntimeException forbidden =
        (RuntimeException) S3Exception.builder().statusCode(403).message("denied").build();
    int[] calls = {0};

    assertThatThrownBy(
            () ->
                new S3Patience(Duration.ofSeconds(30), Duration.ofMillis(50), Duration.ofMillis(50))
                    .call(
                        "GET s3://b/k",
                        () -> {
                          calls[0]++;
                          throw forbidden;
                        }))
        .isSameAs(forbidden);
    assertThat(calls[0]).isEqualTo(1);
    assertThat(S3Patience.unavailable(forbidden)).isFalse();
  }
}
