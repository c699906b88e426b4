package dev.tollgate.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 21: a remote server without a codec key is said out loud; this machine is not. */
class PlaintextWarningTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "temporal.internal:7233",
        "10.0.0.5:7233",
        "my-ns.a1b2c.tmprl.cloud:7233",
        "[2001:db8::1]:7233",
        "http://temporal:7233"
      })
  void aRemoteServerWithoutACodecKeyIsWarnedAbout(String address) {
    assertThat(PlaintextWarning.about(address, false))
        .hasValueSatisfying(
            w -> assertThat(w).contains(address, "TOLLGATE_CODEC_KEY is not set", "in clear"));
    assertThat(PlaintextWarning.about(address, true)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"localhost:7233", "127.0.0.1:7233", "127.0.1.1:7233", "[::1]:7233", "a.localhost"})
  void thisMachineIsNot(String address) {
    assertThat(PlaintextWarning.about(address, false)).isEmpty();
  }
}
