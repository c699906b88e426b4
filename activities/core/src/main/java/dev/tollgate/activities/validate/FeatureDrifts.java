package dev.tollgate.activities.validate;

import dev.tollgate.activities.data.DataSchema;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.ReferenceSample;
import dev.tollgate.activities.stats.CategoryCounts;
import dev.tollgate.activities.stats.ChiSquareHomogeneity;
import dev.tollgate.activities.stats.ChiSquareResult;
import dev.tollgate.activities.stats.DriftStatistics;
import dev.tollgate.activities.stats.FeatureDrift;
import dev.tollgate.activities.stats.Psi;
import dev.tollgate.activities.stats.ZTestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every drift statistic of every spec feature, not yet judged: for a number KS, PSI over the
 * reference's quantile bins, the z-test of means and a chi-square test of the counts in those bins;
 * for a category PSI and the chi-square test of the per-category counts (from its one-hot inputs;
 * rows that are none of the schema's categories count as {@link ReferenceSample#OTHER}).
 */
final class FeatureDrifts {
  private FeatureDrifts() {}

  /** Rows {@code current} of {@code data} against rows {@code reference} of the same data. */
  static List<DriftDetails.Feature> between(
      Dataset data, int[] reference, int[] current, int bins) {
    List<DriftDetails.Feature> out = new ArrayList<>();
    for (DataSchema.Feature f : data.schema().features()) {
      if (f.type() == DataSchema.Type.NUMERIC) {
        int j = data.features().indexOf(f.name());
        double[] ref = data.feature(j, reference);
        double[] cur = data.feature(j, current);
        FeatureDrift d = DriftStatistics.of(ref, cur, bins);
        out.add(numeric(f.name(), d, d.zTest(), ref.length, cur.length));
      } else {
        out.add(
            categorical(
                f.name(),
                ReferenceSample.counts(data, f, reference),
                ReferenceSample.counts(data, f, current)));
      }
    }
    return out;
  }

  /** Rows {@code current} of {@code data} against a stored reference that covers its features. */
  static List<DriftDetails.Feature> against(
      ReferenceSample reference, Dataset data, int[] current, int bins) {
    List<DriftDetails.Feature> out = new ArrayList<>();
    for (DataSchema.Feature f : data.schema().features()) {
      if (f.type() == DataSchema.Type.NUMERIC) {
        ReferenceSample.Numeric ref = reference.numeric().get(f.name());
        double[] sample = ref.sample();
        double[] cur = data.feature(data.features().indexOf(f.name()), current);
        // The z-test uses the moments of every training value, not only the sample's.
        FeatureDrift d = DriftStatistics.of(sample, ref.moments(), cur, bins);
        out.add(numeric(f.name(), d, d.zTest(), sample.length, cur.length));
      } else {
        out.add(
            categorical(
                f.name(),
                reference.categorical().get(f.name()),
                ReferenceSample.counts(data, f, current)));
      }
    }
    return out;
  }

  private static DriftDetails.Feature numeric(
      String name, FeatureDrift d, ZTestResult z, int refSize, int curSize) {
    double[] refShares = d.psi().referenceShares();
    double[] curShares = d.psi().currentShares();
    long[] refCounts = new long[refShares.length];
    long[] curCounts = new long[curShares.length];
    for (int i = 0; i < refShares.length; i++) {
      refCounts[i] = Math.round(refShares[i] * refSize);
      curCounts[i] = Math.round(curShares[i] * curSize);
    }
    ChiSquareResult chi2 = ChiSquareHomogeneity.test(refCounts, curCounts);
    return new DriftDetails.Feature(
        name,
        "numeric",
        finite(d.psi().psi()),
        finite(d.ks().statistic()),
        finite(d.ks().pValue()),
        finite(z.statistic()),
        finite(z.pValue()),
        finite(chi2.statistic()),
        finite(chi2.pValue()),
        false);
  }

  private static DriftDetails.Feature categorical(
      String name, Map<String, Long> reference, Map<String, Long> current) {
    CategoryCounts counts = CategoryCounts.of(reference, current);
    long[] ref = counts.reference();
    long[] cur = counts.current();
    ChiSquareResult chi2 = ChiSquareHomogeneity.test(ref, cur);
    return new DriftDetails.Feature(
        name,
        "categorical",
        finite(Psi.categorical(ref, cur)),
        null,
        null,
        null,
        null,
        finite(chi2.statistic()),
        finite(chi2.pValue()),
        false);
  }

  /** NaN (a statistic undefined for the data) as {@code null}, so the JSON stays JSON. */
  private static Double finite(double v) {
    return Double.isNaN(v) ? null : v;
  }
}
