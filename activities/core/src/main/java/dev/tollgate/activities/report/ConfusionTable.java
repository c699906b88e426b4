package dev.tollgate.activities.report;

import static dev.tollgate.activities.report.Html.esc;

import java.util.List;

/**
 * A classifier's confusion matrix on the holdout as an HTML table: rows actual, columns predicted.
 */
final class ConfusionTable {
  private ConfusionTable() {}

  /**
   * @param actual class indices
   * @param predicted class indices
   * @param classes the label of each index
   */
  static String html(double[] actual, double[] predicted, List<String> classes) {
    int k = classes.size();
    long[][] counts = new long[k][k];
    long max = 1;
    for (int i = 0; i < actual.length; i++) {
      int a = (int) actual[i];
      int p = (int) predicted[i];
      if (a < 0 || a >= k || p < 0 || p >= k) continue;
      max = Math.max(max, ++counts[a][p]);
    }
    StringBuilder t =
        new StringBuilder("<p class=\"cm-note\">Confusion matrix on the holdout (rows: actual,")
            .append(" columns: predicted)</p><table class=\"cm\"><tr><th></th>");
    for (String c : classes) t.append("<th>").append(esc(c)).append("</th>");
    t.append("</tr>");
    for (int a = 0; a < k; a++) {
      t.append("<tr><th>").append(esc(classes.get(a))).append("</th>");
      for (int p = 0; p < k; p++) {
        double alpha = 0.08 + 0.7 * counts[a][p] / max;
        String hue = a == p ? "76,120,168" : "228,87,86";
        t.append("<td style=\"background:rgba(")
            .append(hue)
            .append(',')
            .append(Html.xy(alpha))
            .append(")\">")
            .append(counts[a][p])
            .append("</td>");
      }
      t.append("</tr>");
    }
    return t.append("</table>").toString();
  }
}
