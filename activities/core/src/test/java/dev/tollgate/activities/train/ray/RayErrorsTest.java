package dev.tollgate.activities.train.ray;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RayErrorsTest {
  /**
   * The shape of the message Ray 2.60 sent on the real cluster (RayTrainingIT): pip's lines come
   * indented inside Ray's "Last 50 lines of stdout" block.
   */
  @Test
  void pipsErrorLinesAreQuotedWithoutRaysIndentation() {
    String message =
        "runtime_env setup failed: Failed to set up runtime environment.\n"
            + "Could not create the actor because its associated runtime env failed to be created.\n"
            + "[Node 192.0.2.2] Traceback (most recent call last):\n"
            + "Last 50 lines of stdout:\n"
            + "    Looking in links: /opt/wheels\n"
            + "    ERROR: Could not find a version that satisfies the requirement"
            + " nosuchpkg-tollgate-xyz==9.9.9 (from versions: none)\n"
            + "    ERROR: No matching distribution found for nosuchpkg-tollgate-xyz==9.9.9\n";

    assertThat(RayErrors.errorLines(message))
        .isEqualTo(
            "ERROR: Could not find a version that satisfies the requirement"
                + " nosuchpkg-tollgate-xyz==9.9.9 (from versions: none)\n"
                + "ERROR: No matching distribution found for nosuchpkg-tollgate-xyz==9.9.9");
  }
}
