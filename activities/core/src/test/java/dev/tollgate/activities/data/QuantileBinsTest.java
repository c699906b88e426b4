package dev.tollgate.activities.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QuantileBinsTest {

  private static double[] uniform(long seed, int n, double shift) {
    Random random = new Random(seed);
    return random.doubles(n).map(v -> v + shift).toArray();
  }

  @Test
  void decilesOfAContinuousColumnHoldATenthEach() {
    QuantileBins bins = QuantileBins.of(uniform(1, 1000, 0), 10);
    assertThat(bins.edges()).hasSize(9).isSorted();
    assertThat(bins.shares()).containsOnly(new double[] {0.1}, within(1e-9));
    assertThat(Arrays.stream(bins.shares()).sum()).isCloseTo(1, within(1e-9));
  }

  @Test
  void psiIsSmallForTheSameDistributionAndLargeForAShiftedOne() {
    QuantileBins bins = QuantileBins.of(uniform(1, 2000, 0), 10);
    assertThat(bins.psi(uniform(2, 2000, 0))).isLessThan(0.02);
    assertThat(bins.psi(uniform(3, 2000, 0.5))).isGreaterThan(1.0);
  }

  @Test
  void aBinaryColumnGetsTwoBinsNotEmptyDuplicates() {
    double[] flags = new double[100];
    Arrays.fill(flags, 0, 70, 0);
    Arrays.fill(flags, 70, 100, 1);
    QuantileBins bins = QuantileBins.of(flags, 10);
    assertThat(bins.edges()).containsExactly(0);
    assertThat(bins.shares()).containsExactly(0.7, 0.3);
  }
}
