package dev.tollgate.activities.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Inputs outside what the fixtures cover: refusals, degenerate samples, the helpers' contracts. */
class StatsEdgeCasesTest {

  @Test
  void missingValuesAndEmptySamplesAreRefusedWithAReason() {
    assertThatThrownBy(
            () -> KolmogorovSmirnov.twoSample(new double[] {1, Double.NaN}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    assertThatThrownBy(() -> Psi.numeric(new double[0], new double[] {1}))
        .hasMessageContaining("both samples need values");
    assertThatThrownBy(() -> Psi.numeric(new double[] {1, 2}, new double[] {1}, 1))
        .hasMessageContaining("at least 2 bins");
    assertThatThrownBy(() -> Moments.of(new double[] {1, Double.NaN})).hasMessageContaining("NaN");
  }

  @Test
  void aSingleValueHasNoVarianceAndNoZTest() {
    ZTestResult r = MeanZTest.test(new double[] {1}, new double[] {1, 2});
    assertThat(r.statistic()).isNaN();
    assertThat(r.pValue()).isNaN();
  }

  @Test
  void constantSamplesGiveADefinedZTest() {
    assertThat(MeanZTest.test(new double[] {3, 3}, new double[] {3, 3, 3}))
        .isEqualTo(new ZTestResult(0, 1));
    ZTestResult apart = MeanZTest.test(new double[] {3, 3}, new double[] {4, 4});
    assertThat(apart.statistic()).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(apart.pValue()).isZero();
  }

  @Test
  void aConstantReferenceHasOneBinAndZeroPsiAgainstItself() {
    PsiResult r = Psi.numeric(new double[] {7, 7, 7}, new double[] {7, 7});
    assertThat(r.edges()).isEmpty();
    assertThat(r.psi()).isZero();
  }

  @Test
  void emptyBinsAreFlooredAtEpsilon() {
    // One bin holds everything in the current sample, the other nothing: floor 1e-4 applies.
    double psi = Psi.index(new double[] {0.5, 0.5}, new double[] {1.0, 0.0});
    double expected = 0.5 * Math.log(1 / 0.5) + (1e-4 - 0.5) * Math.log(1e-4 / 0.5);
    assertThat(psi).isCloseTo(expected, within(1e-15));
  }

  @Test
  void chiSquareIgnoresCategoriesAbsentFromBothAndNeedsTwo() {
    ChiSquareResult withEmpty =
        ChiSquareHomogeneity.test(new long[] {10, 0, 20}, new long[] {15, 0, 12});
    ChiSquareResult without = ChiSquareHomogeneity.test(new long[] {10, 20}, new long[] {15, 12});
    assertThat(withEmpty).isEqualTo(without);
    assertThat(ChiSquareHomogeneity.test(new long[] {5, 0}, new long[] {7, 0}))
        .isEqualTo(new ChiSquareResult(0, 0, 1));
  }

  @Test
  void categoryCountsAlignTheUnionOfCategories() {
    CategoryCounts c =
        CategoryCounts.of(new String[] {"b", "a", "b"}, new String[] {"c", "b", "c", "c"});
    assertThat(c.categories()).containsExactly("a", "b", "c");
    assertThat(c.reference()).containsExactly(1, 2, 0);
    assertThat(c.current()).containsExactly(0, 1, 3);
  }

  @Test
  void bonferroniDividesTheLevelAndCapsAdjustedValues() {
    assertThat(Bonferroni.alpha(0.05, 50)).isEqualTo(0.001);
    assertThat(Bonferroni.adjust(new double[] {0.3, 0.001})).containsExactly(0.6, 0.002);
    assertThat(Bonferroni.adjust(new double[] {0.9, 0.9})).containsExactly(1.0, 1.0);
  }

  @Test
  void allFeaturesInParallelEqualOneByOne() {
    List<double[]> ref = List.of(new double[] {1, 2, 3, 4, 5}, new double[] {0, 0, 1, 1});
    List<double[]> cur = List.of(new double[] {2, 3, 4, 5, 6, 7}, new double[] {1, 1, 1});
    List<FeatureDrift> all = DriftStatistics.ofAll(ref, cur, 4);
    for (int j = 0; j < ref.size(); j++) {
      assertThat(all.get(j).ks()).isEqualTo(KolmogorovSmirnov.twoSample(ref.get(j), cur.get(j)));
      assertThat(all.get(j).zTest()).isEqualTo(MeanZTest.test(ref.get(j), cur.get(j)));
    }
  }

  @Test
  void largeSamplesUseTheAsymptoticDistribution() {
    double[] a = new double[10_001];
    double[] b = new double[10_001];
    for (int i = 0; i < a.length; i++) {
      a[i] = i;
      b[i] = i + 500;
    }
    KsResult r = KolmogorovSmirnov.twoSample(a, b);
    assertThat(r.method()).isEqualTo(KsResult.Method.ASYMPTOTIC);
    assertThat(r.statistic()).isCloseTo(500.0 / 10_001, within(1e-15));
    assertThat(r.sign()).isEqualTo(1); // the reference CDF lies above: current values are larger
  }
}
