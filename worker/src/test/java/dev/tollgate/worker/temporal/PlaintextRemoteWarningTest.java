package dev.tollgate.worker.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.connect.TemporalSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 21: a worker that sends its payloads in clear to a server on another machine says so at
 * start, as a warning; on this machine, or with a codec key, it does not.
 */
@ExtendWith(OutputCaptureExtension.class)
class PlaintextRemoteWarningTest {
  private static final String KEY = "k1:" + "A".repeat(43) + "=";

  @Test
  void aRemoteServerWithoutACodecKeyIsAWarning(CapturedOutput output) {
    new TemporalClientConfig().dataConverter("", target("temporal.internal:7233", false));
    assertThat(output)
        .contains("WARN")
        .contains("Temporal at temporal.internal:7233 is not on this machine")
        .contains("TOLLGATE_CODEC_KEY is not set");
  }

  @Test
  void withAKeyOrOnThisMachineNothingIsSaid(CapturedOutput output) {
    new TemporalClientConfig().dataConverter(KEY, target("temporal.internal:7233", false));
    new TemporalClientConfig().dataConverter("", target("localhost:7233", false));
    new TemporalClientConfig().dataConverter("", target("127.0.0.1:7233", true));
    assertThat(output).doesNotContain("is not on this machine");
  }

  private static TemporalTarget target(String address, boolean embedded) {
    return new TemporalTarget(address, "default", embedded, TemporalSecurity.NONE);
  }
}
