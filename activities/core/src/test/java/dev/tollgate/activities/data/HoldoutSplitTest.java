package dev.tollgate.activities.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.spec.TrainingSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutSplitTest {

  @Test
  void sameSeedGivesTheSameDisjointCompleteSplit() {
    HoldoutSplit a = HoldoutSplit.of(1000, 42, 0.2);
    HoldoutSplit b = HoldoutSplit.of(1000, 42, 0.2);
    assertThat(a.holdout()).isEqualTo(b.holdout());
    assertThat(a.train()).isEqualTo(b.train());
    assertThat(a.holdout()).hasSize(200).isSorted();
    assertThat(a.train()).hasSize(800).isSorted();
    int[] all =
        IntStream.concat(Arrays.stream(a.train()), Arrays.stream(a.holdout())).sorted().toArray();
    assertThat(all).isEqualTo(IntStream.range(0, 1000).toArray());
  }

  @Test
  void anotherSeedHoldsOutOtherRows() {
    assertThat(HoldoutSplit.of(1000, 43, 0.2).holdout())
        .isNotEqualTo(HoldoutSplit.of(1000, 42, 0.2).holdout());
  }

  @Test
  void theHoldoutIsShuffledNotTheLastRows() {
    int[] holdout = HoldoutSplit.of(1000, 42, 0.2).holdout();
    assertThat(holdout[0]).isLessThan(100);
    assertThat(holdout[holdout.length - 1]).isGreaterThan(900);
  }

  @Test
  void aDatasetWithoutTimestampsGetsTheSeededRandomSplit() {
    double[] y = new double[1000];
    var data = new Dataset("d.csv", "0", "y", List.of("x"), y, new double[][] {y});
    var training = new TrainingSpec("linear", Map.of(), 42, 0.2);
    assertThat(HoldoutSplit.of(data, training).holdout())
        .isEqualTo(HoldoutSplit.of(1000, 42, 0.2).holdout());
  }

  @Test
  void tinyDatasetsKeepAtLeastOneRowOnEachSide() {
    HoldoutSplit split = HoldoutSplit.of(2, 1, 0.01);
    assertThat(split.holdout()).hasSize(1);
    assertThat(split.train()).hasSize(1);
  }
}
