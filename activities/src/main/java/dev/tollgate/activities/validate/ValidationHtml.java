package dev.tollgate.activities.validate;

import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.report.HtmlReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the HTML report from what validation already holds: per feature the training part
 * (reference) and the holdout (current), the holdout's truth and predictions, the checks and the
 * metrics with the Production model's on the same rows.
 */
final class ValidationHtml {
  private ValidationHtml() {}

  static HtmlReport.Written write(
      ArtifactStore store,
      ValidationReport report,
      Holdout holdout,
      Map<String, Double> baselineMetrics,
      String jsonUri) {
    Dataset data = holdout.data();
    List<HtmlReport.FeatureSample> features = new ArrayList<>();
    int drawn = Math.min(data.features().size(), HtmlReport.MAX_FEATURES);
    for (int j = 0; j < data.features().size(); j++) {
      features.add(
          j < drawn
              ? new HtmlReport.FeatureSample(
                  data.features().get(j),
                  data.feature(j, holdout.split().train()),
                  data.feature(j, holdout.split().holdout()))
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
}
