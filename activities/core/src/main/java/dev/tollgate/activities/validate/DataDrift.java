package dev.tollgate.activities.validate;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.ReferenceSample;
import dev.tollgate.activities.stats.Bonferroni;
import dev.tollgate.spec.ValidationSpec.DriftSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Drift of a whole dataset against a model's stored reference, judged the way validation judges it:
 * the same statistics ({@link FeatureDrifts}) and the same rule ({@link DriftCheck#drifted}). The
 * validation gate and the guardian's data check both come here, so "drifted" means one thing.
 */
public final class DataDrift {
  private DataDrift() {}

  /**
   * @param features every feature with its statistics, each marked drifted or not
   * @param share share of features that drifted
   * @param level the p-value level the tests were judged at (after Bonferroni)
   */
  public record Judged(List<DriftDetails.Feature> features, double share, double level) {}

  /** Every row of {@code data} (encoded with the reference's model's schema) against it. */
  public static Judged against(DriftSpec drift, ReferenceSample reference, Dataset data) {
    int[] all = IntStream.range(0, data.rows()).toArray();
    return judge(drift, FeatureDrifts.against(reference, data, all, drift.bins()));
  }

  /** Whether {@code reference} has every feature of {@code data}'s schema, of the same type. */
  public static boolean covers(ReferenceSample reference, Dataset data) {
    return DriftCheck.covers(reference, data.schema());
  }

  static Judged judge(DriftSpec drift, List<DriftDetails.Feature> features) {
    int tested = features.size();
    double level = drift.bonferroni() ? Bonferroni.alpha(drift.alpha(), tested) : drift.alpha();
    List<DriftDetails.Feature> judged = new ArrayList<>();
    int drifted = 0;
    for (DriftDetails.Feature f : features) {
      boolean over = DriftCheck.drifted(drift, f, level);
      drifted += over ? 1 : 0;
      judged.add(f.judged(over));
    }
    return new Judged(judged, tested == 0 ? 0 : (double) drifted / tested, level);
  }
}
