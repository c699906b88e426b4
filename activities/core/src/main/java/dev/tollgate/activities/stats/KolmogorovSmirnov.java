package dev.tollgate.activities.stats;

/**
 * The two-sample Kolmogorov–Smirnov test, matching SciPy's {@code ks_2samp(reference, current)}
 * with its defaults (two-sided, {@code method='auto'}).
 *
 * <ul>
 *   <li>Statistic: see {@link EcdfDistance}; O(n) passes plus sorting only the buckets that matter.
 *   <li>p-value, exact when both samples have at most 10,000 values ({@link KsExact}), otherwise
 *       asymptotic: {@code kstwo.sf(D, round(n₁n₂/(n₁+n₂)))} ({@link KolmogorovDistribution}). As
 *       in SciPy, a failed exact computation (a p outside [0, 1]) falls back to the asymptotic one.
 * </ul>
 *
 * NaN is refused rather than propagated: missing values are the data-quality check's business.
 */
public final class KolmogorovSmirnov {
  /** SciPy's {@code MAX_AUTO_N}. */
  static final int MAX_EXACT_N = 10_000;

  private KolmogorovSmirnov() {}

  public static KsResult twoSample(double[] reference, double[] current) {
    PairedBuckets p = PairedBuckets.of(reference, current);
    EcdfDistance.markCandidates(p);
    p.gather();
    return fromExtremes(EcdfDistance.extremes(p), reference.length, current.length);
  }

  /**
   * The result for the ECDF gaps {@code {max(F_ref − F_cur), max(F_cur − F_ref)}} of samples of
   * sizes {@code n1} and {@code n2}.
   */
  static KsResult fromExtremes(double[] extremes, int n1, int n2) {
    double up = extremes[0];
    double down = extremes[1];
    int sign = down > up ? -1 : 1;
    double d = sign > 0 ? up : down;
    if (Math.max(n1, n2) <= MAX_EXACT_N) {
      long h = KsExact.latticeSteps(d, n1, n2);
      d = h / (double) KsExact.lcm(n1, n2);
      double p = KsExact.pValue(n1, n2, h);
      if (p >= 0 && p <= 1) {
        return new KsResult(d, p, sign, KsResult.Method.EXACT);
      }
    }
    return new KsResult(d, asymptoticPValue(d, n1, n2), sign, KsResult.Method.ASYMPTOTIC);
  }

  /** {@code kstwo.sf(d, round(en))} with {@code en = mn/(m+n)}, m the larger size. */
  static double asymptoticPValue(double d, int n1, int n2) {
    double m = Math.max(n1, n2);
    double n = Math.min(n1, n2);
    double en = m * n / (m + n);
    return KolmogorovDistribution.clip(KolmogorovDistribution.survival(d, (int) Math.rint(en)));
  }
}
