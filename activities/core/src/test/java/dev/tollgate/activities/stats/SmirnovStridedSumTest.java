package dev.tollgate.activities.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The strided shortcut of the Smirnov sum equals the full term-by-term sum wherever it is taken,
 * over the range of {@code n·x²} that reaches it (SciPy uses the Smirnov tail for 2.2 ≤ nx² < 370).
 */
class SmirnovStridedSumTest {

  @Test
  void stridedSumEqualsTheFullSum() {
    for (int n : new int[] {20_000, 123_457, 999_999}) {
      for (double nxx : new double[] {0.3, 2.2, 20, 350}) {
        double x = Math.sqrt(nxx / n);
        double strided = SmirnovDistribution.survival(n, x, true);
        double full = SmirnovDistribution.survival(n, x, false);
        assertThat(Math.abs(strided - full))
            .as("n=%d x=%s: %s vs %s", n, x, strided, full)
            .isLessThanOrEqualTo(1e-12 * full);
      }
    }
  }
}
