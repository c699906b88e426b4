package dev.tollgate.activities.validate;

import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.report.HtmlReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the HTML report from what validation already holds: per feature the training part
 * (reference) and the holdout (current), each at most {@link #HISTOGRAM_ROWS} rows, the holdout's
 * truth and predictions, the checks and the metrics with the Production model's on the same rows.
 */
final class ValidationHtml {
  /** Rows per side drawn in a feature histogram. */
  static final int HISTOGRAM_ROWS = 20_000;

  private ValidationHtml() {}

  static HtmlReport.Written write(
      ArtifactStore store,
      ValidationReport report,
      Holdout holdout,
      Map<String, Double> baselineMetrics,
      String jsonUri) {
    Dataset data = holdout.data();
    int[] reference = stride(holdout.split().train());
    int[] current = stride(holdout.split().holdout());
    List<HtmlReport.FeatureSample> features = new ArrayList<>();
    int drawn = Math.min(data.features().size(), HtmlReport.MAX_FEATURES);
    for (int j = 0; j < data.features().size(); j++) {
      features.add(
          j < drawn
              ? new HtmlReport.FeatureSample(
                  data.features().get(j), data.feature(j, reference), data.feature(j, current))
              : new HtmlReport.FeatureSample(data.features().get(j), new double[0], new double[0]));
    }
    return new HtmlReport(
            report.model(),
            report.version(),
            report.runId(),
            holdout.task(),
            report.passed(),
            report.checks(),
            report.metrics(),
            baselineMetrics,
            report.baselineVersion(),
            jsonUri,
            report.createdAt(),
            features,
            holdout.truth(),
            holdout.predicted(),
            data.classes())
        .writeTo(store);
  }

  /**
   * At most {@link #HISTOGRAM_ROWS} of {@code rows}, an even stride: enough for a histogram, and
   * the copies of a million-row, fifty-feature dataset stay small.
   */
  static int[] stride(int[] rows) {
    if (rows.length <= HISTOGRAM_ROWS) return rows;
    int[] picked = new int[HISTOGRAM_ROWS];
    for (int i = 0; i < HISTOGRAM_ROWS; i++) {
      picked[i] = rows[(int) ((long) i * rows.length / HISTOGRAM_ROWS)];
    }
    return picked;
  }
}
