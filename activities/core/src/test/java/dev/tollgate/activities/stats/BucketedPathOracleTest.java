package dev.tollgate.activities.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The bucketed KS statistic and PSI quantiles against the textbook versions (sort both samples,
 * evaluate both ECDFs at every value), on data built to stress the bucket grid: heavy ties, a huge
 * outlier that squeezes everything into one bucket, infinities, −0.0 next to 0.0, constants, single
 * values, very different sizes. The answers must be identical, not merely close.
 */
class BucketedPathOracleTest {
  private static final int ROUNDS = 30;

  @Test
  void statisticAndQuantilesEqualTheSortingOracle() {
    SplittableRandom random = new SplittableRandom(42);
    for (int round = 0; round < ROUNDS; round++) {
      for (var shape : Shape.values()) {
        // Above 4,096 values the grid comes from a sample, so values also fall outside it.
        int n1 = 1 + random.nextInt(round % 3 == 0 ? 5 : round % 5 == 4 ? 30_000 : 3000);
        int n2 = 1 + random.nextInt(round % 4 == 0 ? 7 : round % 5 == 4 ? 30_000 : 3000);
        double[] a = shape.sample.apply(random, n1);
        double[] b = shape.sample.apply(random, n2);
        String what = shape + " round " + round + " n=" + n1 + "/" + n2;
        double[] expected = oracleExtremes(a, b);
        KsResult ks = KolmogorovSmirnov.twoSample(a, b);
        KsResult fromOracle = KolmogorovSmirnov.fromExtremes(expected, n1, n2);
        assertThat(ks).as(what).isEqualTo(fromOracle);
        int bins = 2 + random.nextInt(19);
        PsiResult psi = Psi.numeric(a, b, bins);
        double[] edges = Psi.edges(a, bins);
        assertThat(psi.edges()).as(what).containsExactly(edges);
        assertThat(psi.referenceShares()).as(what).containsExactly(Psi.shares(edges, a));
        assertThat(psi.currentShares()).as(what).containsExactly(Psi.shares(edges, b));
        FeatureDrift fused = DriftStatistics.of(a, b, bins);
        assertThat(fused.ks()).as(what).isEqualTo(ks);
        assertThat(fused.psi()).usingRecursiveComparison().as(what).isEqualTo(psi);
      }
    }
  }

  @Test
  void valuesOutsideTheSampledGridStillCountExactly() {
    SplittableRandom random = new SplittableRandom(7);
    double[] a = fill(50_000, () -> gaussian(random));
    double[] b = fill(40_000, () -> gaussian(random) + 0.05);
    // Extremes at positions the grid's strided sample skips (it reads every 24th/19th value).
    a[1] = -40;
    a[2] = 1e6;
    b[3] = -1e6;
    b[5] = 55;
    KsResult ks = KolmogorovSmirnov.twoSample(a, b);
    assertThat(ks)
        .isEqualTo(KolmogorovSmirnov.fromExtremes(oracleExtremes(a, b), a.length, b.length));
    PsiResult psi = Psi.numeric(a, b, 10);
    assertThat(psi.edges()).containsExactly(Psi.edges(a, 10));
    assertThat(psi.currentShares()).containsExactly(Psi.shares(psi.edges(), b));
  }

  /** {@code {max(F_a − F_b), max(F_b − F_a)}} over every observed value, as SciPy computes it. */
  static double[] oracleExtremes(double[] a, double[] b) {
    double[] sa = a.clone();
    double[] sb = b.clone();
    Arrays.sort(sa);
    Arrays.sort(sb);
    double up = Double.NEGATIVE_INFINITY;
    double down = Double.POSITIVE_INFINITY;
    for (double[] side : new double[][] {sa, sb}) {
      for (double x : side) {
        double gap = (double) atMost(sa, x) / sa.length - (double) atMost(sb, x) / sb.length;
        up = Math.max(up, gap);
        down = Math.min(down, gap);
      }
    }
    return new double[] {up, Math.min(1, Math.max(0, -down))};
  }

  /** numpy's {@code searchsorted(sorted, x, side='right')}, with primitive comparison. */
  private static int atMost(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private enum Shape {
    SMALL_INTEGERS((r, n) -> fill(n, () -> r.nextInt(6))),
    NORMAL((r, n) -> fill(n, () -> gaussian(r))),
    SHIFTED_NORMAL((r, n) -> fill(n, () -> gaussian(r) + r.nextDouble() * 0.3)),
    HUGE_OUTLIER(
        (r, n) -> {
          double[] v = fill(n, () -> gaussian(r));
          v[r.nextInt(n)] = 1e300;
          return v;
        }),
    INFINITIES(
        (r, n) ->
            fill(
                n,
                () -> {
                  int k = r.nextInt(10);
                  return k == 0
                      ? Double.NEGATIVE_INFINITY
                      : k == 1 ? Double.POSITIVE_INFINITY : r.nextInt(4);
                })),
    SIGNED_ZEROS((r, n) -> fill(n, () -> r.nextBoolean() ? -0.0 : r.nextInt(3) - 1.0)),
    CONSTANT((r, n) -> fill(n, () -> 2.5)),
    SKEWED((r, n) -> fill(n, () -> Math.round(Math.exp(2 * gaussian(r)) * 10) / 10.0));

    final BiFunction<SplittableRandom, Integer, double[]> sample;

    Shape(BiFunction<SplittableRandom, Integer, double[]> sample) {
      this.sample = sample;
    }
  }

  private static double[] fill(int n, java.util.function.DoubleSupplier value) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = value.getAsDouble();
    }
    return v;
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
