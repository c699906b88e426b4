package dev.tollgate.activities.stats;

import java.util.List;
import java.util.stream.IntStream;

/**
 * KS, PSI and the z-test of one numeric feature in one go: a single {@link PairedBuckets} (two
 * linear passes per sample, which also yield the means and variances), one gather of the buckets
 * that KS and the PSI quantiles need, and nothing sorted beyond those buckets. Each number equals
 * what {@link KolmogorovSmirnov}, {@link Psi} and {@link MeanZTest} give on their own.
 */
public final class DriftStatistics {
  private DriftStatistics() {}

  public static FeatureDrift of(double[] reference, double[] current, int bins) {
    return of(reference, null, current, bins);
  }

  /**
   * The same, with the z-test against {@code referenceMoments} (those of every training value) when
   * the reference array is only a sample of them; {@code null}: the reference array's own.
   */
  public static FeatureDrift of(
      double[] reference, Moments referenceMoments, double[] current, int bins) {
    PairedBuckets p = PairedBuckets.of(reference, current);
    EcdfDistance.markCandidates(p);
    QuantileCuts cuts = QuantileCuts.mark(p, bins);
    p.gather();
    KsResult ks =
        KolmogorovSmirnov.fromExtremes(EcdfDistance.extremes(p), reference.length, current.length);
    ZTestResult z =
        MeanZTest.fromMoments(
            referenceMoments != null ? referenceMoments : p.referenceMoments, p.currentMoments);
    return new FeatureDrift(ks, cuts.psi(p), z);
  }

  /**
   * Every feature, features in parallel on the common fork-join pool (features are independent and
   * each one's passes are memory-bound, so cores scale it nearly linearly).
   *
   * @param reference one array per feature
   * @param current one array per feature, in the same order
   */
  public static List<FeatureDrift> ofAll(
      List<double[]> reference, List<double[]> current, int bins) {
    if (reference.size() != current.size()) {
      throw new IllegalArgumentException(
          "need as many current as reference features, got "
              + current.size()
              + " and "
              + reference.size());
    }
    return IntStream.range(0, reference.size())
        .parallel()
        .mapToObj(j -> of(reference.get(j), current.get(j), bins))
        .toList();
  }
}
