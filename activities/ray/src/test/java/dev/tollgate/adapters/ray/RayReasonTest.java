package dev.tollgate.adapters.ray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.train.ray.RayException.Kind;
import org.junit.jupiter.api.Test;

/** The one line of a Ray error body a message may quote, and the kind of failure it is. */
class RayReasonTest {
  @Test
  void theLastExceptionLineOfATracebackWithoutPaths() {
    assertThat(RayReason.of(RayAnswers.DUPLICATE))
        .isEqualTo(
            "ValueError: Job with submission_id tg-1 already exists. Please use a different"
                + " submission_id.");
    assertThat(RayReason.of("Traceback\nOSError: cannot open /root/.cache/x/y.zip: gone"))
        .isEqualTo("OSError: cannot open … gone");
  }

  @Test
  void aShortTextIsItsFirstLineWithoutEscapesOrControlCharacters() {
    assertThat(RayReason.of("Job \u001b[31mnope\u001b[0m does not exist\nsecond line"))
        .isEqualTo("Job nope does not exist");
    assertThat(RayReason.of("a\u0000b\u0007c")).isEqualTo("a b c");
    assertThat(RayReason.of("")).isEmpty();
    assertThat(RayReason.of(null)).isEmpty();
  }

  @Test
  void aLongLineIsCut() {
    String reason = RayReason.of("ValueError: " + "x".repeat(5_000));
    assertThat(reason.length()).isLessThan(RayReason.LIMIT + 40);
    assertThat(reason).startsWith("ValueError: xxx").doesNotContain("\n");
  }

  @Test
  void badRequestsAreRejectedAndEverythingElseFromTheServerIsAnOutage() {
    assertThat(RayReason.kind(400, "TypeError: x")).isEqualTo(Kind.REJECTED);
    assertThat(RayReason.kind(404, "")).isEqualTo(Kind.REJECTED);
    assertThat(RayReason.kind(500, RayAnswers.DUPLICATE)).isEqualTo(Kind.REJECTED);
    assertThat(RayReason.kind(500, "Traceback\nValueError: bad runtime_env"))
        .isEqualTo(Kind.REJECTED);
    assertThat(RayReason.kind(500, "No available agent to submit job")).isEqualTo(Kind.UNREACHABLE);
    assertThat(RayReason.kind(500, "Traceback\nRuntimeError: GCS timed out"))
        .isEqualTo(Kind.UNREACHABLE);
    assertThat(RayReason.kind(502, "ValueError: from a proxy")).isEqualTo(Kind.UNREACHABLE);
  }
}
