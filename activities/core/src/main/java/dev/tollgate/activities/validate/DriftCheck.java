package dev.tollgate.activities.validate;

import dev.tollgate.activities.data.DataSchema;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.ReferenceSample;
import dev.tollgate.spec.ValidationSpec.DriftSpec;
import dev.tollgate.stages.CheckResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Data drift, feature by feature ({@link FeatureDrifts}), judged by the spec's method: {@code psi}
 * (PSI above the threshold), {@code ks}, {@code z}, {@code chi2} (p-value below alpha, divided by
 * the number of features under Bonferroni) or {@code all} (any of them). KS and the z-test apply to
 * numeric features; a categorical feature is judged by its chi-square test under them. With a
 * Production model that kept a {@link ReferenceSample} covering the candidate's features, the
 * candidate's training part is compared with what Production was trained on (the drift that matters
 * for a replacement); otherwise the holdout is compared with the training part. The dataset has
 * drifted when the share of drifted features exceeds {@code max_drift_share}.
 */
final class DriftCheck {
  static final String NAME = "drift.share";

  private DriftCheck() {}

  /** The check line and the per-feature figures behind it (the report's {@code drift}). */
  record Result(CheckResult check, DriftDetails details) {}

  /**
   * @param production the Production model's drift reference, or {@code null}
   * @param label the Production model's label, for the message
   */
  static Result run(DriftSpec drift, Holdout holdout, ReferenceSample production, String label) {
    Dataset data = holdout.data();
    boolean vsBaseline = production != null && covers(production, data.schema());
    List<DriftDetails.Feature> features =
        vsBaseline
            ? FeatureDrifts.against(production, data, holdout.split().train(), drift.bins())
            : FeatureDrifts.between(
                data, holdout.split().train(), holdout.split().holdout(), drift.bins());
    int tested = features.size();
    DataDrift.Judged verdict = DataDrift.judge(drift, features);
    double level = verdict.level();
    List<DriftDetails.Feature> judged = verdict.features();
    List<String> parts = new ArrayList<>();
    int drifted = 0;
    for (DriftDetails.Feature f : judged) {
      drifted += f.drifted() ? 1 : 0;
      parts.add(f.name() + " " + describe(drift.method(), f) + (f.drifted() ? " (drifted)" : ""));
    }
    double share = verdict.share();
    boolean ok = share <= drift.maxDriftShare();
    String reference =
        vsBaseline ? "training data vs " + label + "'s training data" : "holdout vs training part";
    String rule =
        drift.method().equals("psi")
            ? "PSI > " + drift.threshold()
            : (drift.method().equals("all") ? "PSI > " + drift.threshold() + " or " : "")
                + "p < "
                + Checks.fmt(level)
                + (drift.bonferroni() ? " (α " + drift.alpha() + "/" + tested + ")" : "");
    String threshold = "≤ " + drift.maxDriftShare() + " of features with " + rule;
    CheckResult check =
        Checks.judged(
            NAME,
            share,
            threshold,
            ok,
            drifted
                + " of "
                + tested
                + " features drifted by "
                + drift.method()
                + ", "
                + reference
                + ": "
                + String.join(", ", parts));
    return new Result(
        check,
        new DriftDetails(
            drift.method(),
            reference,
            drift.bins(),
            drift.threshold(),
            level,
            drift.bonferroni(),
            share,
            judged));
  }

  /** Whether {@code f} drifted under the spec's method, with p-values judged at {@code level}. */
  static boolean drifted(DriftSpec drift, DriftDetails.Feature f, double level) {
    boolean numeric = f.type().equals("numeric");
    boolean psi = f.psi() != null && f.psi() > drift.threshold();
    boolean chi2 = below(f.chi2PValue(), level);
    return switch (drift.method()) {
      case "psi" -> psi;
      case "ks" -> numeric ? below(f.ksPValue(), level) : chi2;
      case "z" -> numeric ? below(f.zPValue(), level) : chi2;
      case "chi2" -> chi2;
      default -> psi || chi2 || below(f.ksPValue(), level) || below(f.zPValue(), level);
    };
  }

  /** Rejection at {@code p ≤ level}, the convention of {@link Bonferroni} and statsmodels. */
  private static boolean below(Double p, double level) {
    return p != null && p <= level;
  }

  private static String describe(String method, DriftDetails.Feature f) {
    boolean numeric = f.type().equals("numeric");
    return switch (method) {
      case "psi" -> "PSI " + fmt(f.psi());
      case "ks" ->
          numeric
              ? "KS " + fmt(f.ksStatistic()) + " p " + fmt(f.ksPValue())
              : "χ² " + fmt(f.chi2()) + " p " + fmt(f.chi2PValue());
      case "z" ->
          numeric
              ? "z " + fmt(f.zStatistic()) + " p " + fmt(f.zPValue())
              : "χ² " + fmt(f.chi2()) + " p " + fmt(f.chi2PValue());
      case "chi2" -> "χ² " + fmt(f.chi2()) + " p " + fmt(f.chi2PValue());
      default ->
          "PSI "
              + fmt(f.psi())
              + (numeric ? " KS p " + fmt(f.ksPValue()) + " z p " + fmt(f.zPValue()) : "")
              + " χ² p "
              + fmt(f.chi2PValue());
    };
  }

  private static String fmt(Double v) {
    return v == null ? "n/a" : Checks.fmt(v);
  }

  /** Whether the reference has every feature of the schema, each of the same type. */
  static boolean covers(ReferenceSample ref, DataSchema schema) {
    for (DataSchema.Feature f : schema.features()) {
      boolean ok =
          f.type() == DataSchema.Type.NUMERIC
              ? ref.numeric().containsKey(f.name())
              : ref.categorical().containsKey(f.name());
      if (!ok) return false;
    }
    return true;
  }
}
