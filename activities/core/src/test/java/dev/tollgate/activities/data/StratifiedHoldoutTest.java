package dev.tollgate.activities.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.spec.TrainingSpec;
import java.util.Arrays;
import java.util.IntSummaryStatistics;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** training.stratify: a classification holdout keeps each class's share whatever the seed. */
class StratifiedHoldoutTest {

  /** 569 rows, 212 of class 1: the breast-cancer shape where AUC swung between seeds. */
  private static double[] smallBinary() {
    double[] classes = new double[569];
    Random random = new Random(3);
    int ones = 0;
    while (ones < 212) {
      int row = random.nextInt(classes.length);
      if (classes[row] == 0) {
        classes[row] = 1;
        ones++;
      }
    }
    return classes;
  }

  private static int positives(double[] classes, int[] rows) {
    return (int) Arrays.stream(rows).filter(r -> classes[r] == 1).count();
  }

  @Test
  void everySeedHoldsOutTheSameNumberOfEachClass() {
    double[] classes = smallBinary();
    IntSummaryStatistics stratified = new IntSummaryStatistics();
    IntSummaryStatistics random = new IntSummaryStatistics();
    for (long seed = 1; seed <= 30; seed++) {
      HoldoutSplit s = HoldoutSplit.stratified(classes, seed, 0.2);
      assertThat(s.holdout()).hasSize(114);
      stratified.accept(positives(classes, s.holdout()));
      random.accept(positives(classes, HoldoutSplit.of(569, seed, 0.2).holdout()));
    }
    // 212/569 of 114 = 42.5: 42 or 43 every time, where a plain sample wanders
    assertThat(stratified.getMin()).isGreaterThanOrEqualTo(42);
    assertThat(stratified.getMax()).isLessThanOrEqualTo(43);
    assertThat(random.getMax() - random.getMin()).isGreaterThan(4);
  }

  @Test
  void isAPartitionAndReproducible() {
    double[] classes = smallBinary();
    HoldoutSplit a = HoldoutSplit.stratified(classes, 7, 0.25);
    HoldoutSplit b = HoldoutSplit.stratified(classes, 7, 0.25);
    assertThat(a.holdout()).isEqualTo(b.holdout());
    int[] all =
        IntStream.concat(Arrays.stream(a.train()), Arrays.stream(a.holdout())).sorted().toArray();
    assertThat(all).isEqualTo(IntStream.range(0, 569).toArray());
    assertThat(HoldoutSplit.stratified(classes, 8, 0.25).holdout()).isNotEqualTo(a.holdout());
  }

  @Test
  void aRareClassKeepsARowForTrainingAndASingletonOnlyTrains() {
    double[] classes = new double[100];
    classes[0] = 2; // one row of class 2
    classes[1] = 1;
    classes[2] = 1; // two rows of class 1
    HoldoutSplit s = HoldoutSplit.stratified(classes, 1, 0.5);
    assertThat(s.train()).contains(0);
    assertThat(positives(classes, s.train())).isGreaterThanOrEqualTo(1);
  }

  @Test
  void isTheDefaultForClassificationAndCanBeTurnedOff() {
    double[] classes = smallBinary();
    var defaults = new TrainingSpec("logistic", Map.of(), 5, 0.2);
    var off = new TrainingSpec("logistic", Map.of(), 5, 0.2, null, false);
    assertThat(HoldoutSplit.of(569, null, classes, defaults).holdout())
        .isEqualTo(HoldoutSplit.stratified(classes, 5, 0.2).holdout());
    assertThat(HoldoutSplit.of(569, null, classes, off).holdout())
        .isEqualTo(HoldoutSplit.of(569, 5, 0.2).holdout());
    assertThat(HoldoutSplit.of(569, null, null, defaults).holdout())
        .as("regression has no classes")
        .isEqualTo(HoldoutSplit.of(569, 5, 0.2).holdout());
  }
}
