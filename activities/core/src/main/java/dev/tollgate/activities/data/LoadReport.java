package dev.tollgate.activities.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What loading did to the data beyond reading it, for logs, reports and metadata: rows left out by
 * {@code drop_rows}, values filled by {@code impute}, categories the schema did not know.
 *
 * @param rowsRead data rows in the file (blank lines not counted)
 * @param rowsDropped rows left out for a missing value
 * @param imputed filled values per feature (only features that had some)
 * @param unseen values of categories unknown to the schema per feature (encoded as all zeros)
 * @param missing missing values per used column (features, target, timestamp) in the file, before
 *     {@code data.missing} dropped or filled them; every used column is listed, with 0 when it has
 *     none; empty when not counted (a dataset built by hand)
 */
public record LoadReport(
    int rowsRead,
    int rowsDropped,
    Map<String, Integer> imputed,
    Map<String, Integer> unseen,
    Map<String, Integer> missing) {

  public LoadReport {
    imputed = Collections.unmodifiableMap(new LinkedHashMap<>(imputed));
    unseen = Collections.unmodifiableMap(new LinkedHashMap<>(unseen));
    missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
  }

  /** Without missing counts. */
  public LoadReport(
      int rowsRead, int rowsDropped, Map<String, Integer> imputed, Map<String, Integer> unseen) {
    this(rowsRead, rowsDropped, imputed, unseen, Map.of());
  }

  /** A dataset loaded as is. */
  public static LoadReport clean(int rows) {
    return new LoadReport(rows, 0, Map.of(), Map.of());
  }

  /** "1000 rows read, 3 dropped, imputed {x2=5}, unseen categories {region=2}" (the parts > 0). */
  public String summary() {
    StringBuilder text = new StringBuilder(rowsRead + " rows read");
    if (rowsDropped > 0) text.append(", ").append(rowsDropped).append(" dropped");
    if (!imputed.isEmpty()) text.append(", imputed ").append(imputed);
    if (!unseen.isEmpty()) text.append(", unseen categories ").append(unseen);
    return text.toString();
  }
}
