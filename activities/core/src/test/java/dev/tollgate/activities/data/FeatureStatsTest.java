package dev.tollgate.activities.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FeatureStatsTest {

  @Test
  void summarisesValuesWithTheSampleStandardDeviation() {
    FeatureStats s = FeatureStats.of(new double[] {2, 4, 4, 4, 5, 5, 7, 9});
    assertThat(s.count()).isEqualTo(8);
    assertThat(s.mean()).isEqualTo(5.0);
    // numpy.std(x, ddof=1) = sqrt(32 / 7)
    assertThat(s.sd()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
    assertThat(s.min()).isEqualTo(2.0);
    assertThat(s.max()).isEqualTo(9.0);
  }

  @Test
  void keepsPrecisionForLargeValuesAndHandlesTinyInputs() {
    FeatureStats large = FeatureStats.of(new double[] {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16});
    assertThat(large.mean()).isEqualTo(1e9 + 10);
    assertThat(large.sd()).isCloseTo(Math.sqrt(30.0), within(1e-9)); // variance 90 / 3
    assertThat(FeatureStats.of(new double[] {3}).sd()).isZero();
    assertThat(FeatureStats.of(new double[0]).count()).isZero();
  }
}
