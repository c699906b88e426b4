package dev.tollgate.activities.validate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The figures behind the drift check, written to the validation report as {@code drift} (field
 * names snake_case, stable): which method judged, against which reference, and every feature's
 * statistics in {@code features[]}.
 *
 * @param reference what was compared with what, in words
 * @param alpha the level p-values were judged at (after Bonferroni, when on)
 * @param share the share of features that drifted
 */
public record DriftDetails(
    String method,
    String reference,
    int bins,
    double psiThreshold,
    double alpha,
    boolean bonferroni,
    double share,
    List<Feature> features) {

  public DriftDetails {
    features = List.copyOf(features);
  }

  /**
   * One feature's statistics; a statistic that does not apply (KS of a category) is {@code null}.
   * For a numeric feature, {@code chi2} tests the counts in the PSI quantile bins.
   *
   * @param type {@code numeric} or {@code categorical}
   */
  public record Feature(
      String name,
      String type,
      Double psi,
      Double ksStatistic,
      @JsonProperty("ks_p_value") Double ksPValue,
      Double zStatistic,
      @JsonProperty("z_p_value") Double zPValue,
      Double chi2,
      @JsonProperty("chi2_p_value") Double chi2PValue,
      boolean drifted) {

    Feature judged(boolean drifted) {
      return new Feature(
          name, type, psi, ksStatistic, ksPValue, zStatistic, zPValue, chi2, chi2PValue, drifted);
    }
  }
}
