package dev.tollgate.stages;

import java.util.List;

/**
 * What a guardian's data check found: the newest data against the Production model's stored drift
 * reference, and how many rows the source has. Small (a line per feature), so it can ride in the
 * guardian's state and be attached to the run it triggers as evidence.
 *
 * @param dataUri the dataset inspected
 * @param productionVersion the Production version compared with, {@code null} when there is none
 * @param skipped why nothing was compared (no Production model yet, no stored reference), or {@code
 *     null} when the drift figures are there
 * @param driftShare share of features that drifted, {@code null} when skipped
 * @param features one line per feature, spec order
 * @param sourceRows usable rows of the dataset now
 * @param productionRows rows the Production model was trained and validated on, {@code null} when
 *     there is none
 * @param checkedAt when the check ran (ISO-8601)
 * @param note what the comparison left out and why (spec features Production was trained without),
 *     or {@code null}
 */
public record DataInspection(
    String dataUri,
    Integer productionVersion,
    String skipped,
    Double driftShare,
    List<Feature> features,
    long sourceRows,
    Long productionRows,
    String checkedAt,
    String note) {

  public DataInspection {
    features = features == null ? List.of() : List.copyOf(features);
  }

  /**
   * @param statistic what decided ({@code psi}, {@code ks_p}, {@code z_p}, {@code chi2_p})
   */
  public record Feature(String name, String statistic, Double value, boolean drifted) {}

  /** A check that compared nothing, saying why. */
  public static DataInspection skipped(String dataUri, String why, String checkedAt) {
    return new DataInspection(dataUri, null, why, null, List.of(), 0, null, checkedAt, null);
  }

  /** Rows the source gained since Production was trained, or {@code null} without Production. */
  public Long newRows() {
    return productionRows == null ? null : sourceRows - productionRows;
  }

  /** "drift share 0.67: temperature psi 0.41 (drifted), humidity psi 0.02", for memos and logs. */
  public String describe() {
    if (skipped != null) return "not compared: " + skipped;
    StringBuilder s = new StringBuilder("drift share ").append(round(driftShare)).append(':');
    for (Feature f : features) {
      s.append(' ').append(f.name()).append(' ').append(f.statistic()).append(' ');
      s.append(f.value() == null ? "n/a" : round(f.value()))
          .append(f.drifted() ? " (drifted)," : ",");
    }
    s.setLength(s.length() - 1);
    return s.toString();
  }

  private static String round(double v) {
    return String.format(java.util.Locale.ROOT, "%.3g", v);
  }
}
