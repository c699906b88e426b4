package dev.tollgate.activities.report;

import static dev.tollgate.activities.report.Html.esc;

import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.ModelNames;
import dev.tollgate.spec.Task;
import dev.tollgate.stages.CheckResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The validation report as one standalone HTML page (no scripts, no external assets, charts as
 * inline SVG): the verdict, the checks table, the metrics against the Production model,
 * predicted-vs-actual and residual plots (regression) or a confusion matrix (classification), and
 * reference-vs-current histograms per feature. Written next to {@code validation.json} as {@code
 * reports/<model>/v<version>/validation.html}. Every text from data or checks is escaped.
 *
 * @param baselineMetrics the Production model's metrics on the same holdout, or {@code null}
 * @param baselineVersion the Production version, or {@code null}
 * @param jsonUri where the JSON report is
 * @param features reference and current values per feature (at most {@link #MAX_FEATURES} drawn)
 * @param actual the target on the holdout (class indices for classification)
 * @param predicted the candidate's predictions on the same rows
 * @param classes class labels for classification, else {@code null}
 */
public record HtmlReport(
    String model,
    int version,
    String runId,
    Task task,
    boolean passed,
    List<CheckResult> checks,
    Map<String, Double> metrics,
    Map<String, Double> baselineMetrics,
    Integer baselineVersion,
    String jsonUri,
    String createdAt,
    List<FeatureSample> features,
    double[] actual,
    double[] predicted,
    List<String> classes) {

  public static final int MAX_FEATURES = 48;

  /** One feature's values in the reference (training part) and the current data (holdout). */
  public record FeatureSample(String name, double[] reference, double[] current) {}

  /** Where the page was written and the SHA-256 of its bytes. */
  public record Written(String uri, String digest, byte[] bytes) {}

  public static String key(String model, int version) {
    return "reports/" + ModelNames.check(model) + "/v" + version + "/validation.html";
  }

  public Written writeTo(ArtifactStore store) {
    byte[] bytes = render().getBytes(StandardCharsets.UTF_8);
    var written = store.put(key(model, version), bytes);
    return new Written(written.uri(), written.sha256(), bytes);
  }

  public String render() {
    String subject = model + " v" + version;
    String baseLabel = baselineVersion == null ? "Production" : model + " v" + baselineVersion;
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Validation of ")
        .append(esc(subject))
        .append("</title><style>")
        .append(Style.CSS)
        .append("</style></head><body>");
    h.append("<header><h1>Validation of ").append(esc(subject)).append("</h1>");
    h.append("<span class=\"badge ")
        .append(passed ? "pass\">✓ PASSED" : "fail\">✗ FAILED")
        .append("</span>");
    h.append("<p class=\"meta\">run ")
        .append(esc(runId))
        .append(" · ")
        .append(esc(task.name().toLowerCase(java.util.Locale.ROOT)))
        .append(" · ")
        .append(esc(createdAt))
        .append(" · compared with ")
        .append(baselineVersion == null ? "no Production model" : esc(baseLabel))
        .append(
            "</p><p class=\"meta\">JSON report: <a href=\"validation.json\">validation.json</a>")
        .append(" (")
        .append(esc(jsonUri))
        .append(")</p></header>");
    checksTable(h);
    h.append("<h2>Metrics</h2><div class=\"chart\">")
        .append(MetricBars.svg(metrics, baselineMetrics, baseLabel))
        .append("</div>");
    diagnostics(h);
    histograms(h);
    return h.append("</body></html>\n").toString();
  }

  private void checksTable(StringBuilder h) {
    h.append("<h2>Checks</h2><table class=\"checks\"><tr><th></th><th>check</th><th>value</th>")
        .append("<th>threshold</th><th>message</th></tr>");
    for (CheckResult c : checks) {
      String cls = c.status().name().toLowerCase(java.util.Locale.ROOT);
      String mark =
          switch (c.status()) {
            case PASS -> "✓";
            case FAIL -> "✗";
            case SKIPPED -> "–";
          };
      h.append("<tr class=\"")
          .append(cls)
          .append("\"><td class=\"mark\">")
          .append(mark)
          .append("</td><td>")
          .append(esc(c.name()))
          .append("</td><td class=\"num\">")
          .append(c.value() == null ? "–" : esc(Html.num(c.value())))
          .append("</td><td class=\"th\">")
          .append(esc(c.threshold()))
          .append("</td><td>")
          .append(esc(c.message()))
          .append("</td></tr>");
    }
    if (checks.isEmpty()) h.append("<tr><td colspan=\"5\">no checks enabled</td></tr>");
    h.append("</table>");
  }

  private void diagnostics(StringBuilder h) {
    if (actual == null || predicted == null || actual.length == 0) return;
    if (task == Task.REGRESSION) {
      h.append("<h2>Predictions on the holdout</h2><div class=\"row\"><div class=\"chart\">")
          .append(Scatter.predictedVsActual(actual, predicted))
          .append("</div><div class=\"chart\">")
          .append(Scatter.residuals(actual, predicted))
          .append("</div></div>");
    } else if (task == Task.CLASSIFICATION && classes != null) {
      h.append("<h2>Predictions on the holdout</h2>")
          .append(ConfusionTable.html(actual, predicted, classes));
    } else if (task == Task.ANOMALY && binary(actual)) {
      h.append("<h2>Predictions on the holdout</h2>")
          .append(ConfusionTable.html(actual, predicted, List.of("normal", "anomaly")));
    }
  }

  private void histograms(StringBuilder h) {
    if (features == null || features.isEmpty()) return;
    h.append("<h2>Feature distributions</h2><p class=\"meta\">")
        .append("<span class=\"sw ref\"></span>reference: the training part · ")
        .append("<span class=\"sw cur\"></span>current: the holdout · bars are the share of")
        .append(" each set's rows in 20 equal bins")
        .append(
            features.size() > MAX_FEATURES
                ? " · the first " + MAX_FEATURES + " of " + features.size() + " features"
                : "")
        .append("</p><div class=\"grid\">");
    for (FeatureSample f : features.subList(0, Math.min(MAX_FEATURES, features.size()))) {
      h.append("<div class=\"chart\">")
          .append(Histogram.svg(f.name(), f.reference(), f.current()))
          .append("</div>");
    }
    h.append("</div>");
  }

  private static boolean binary(double[] values) {
    for (double v : values) if (v != 0 && v != 1) return false;
    return true;
  }
}
