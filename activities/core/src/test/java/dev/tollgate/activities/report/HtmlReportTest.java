package dev.tollgate.activities.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.activities.artifacts.LocalArtifactStore;
import dev.tollgate.activities.files.FileUris;
import dev.tollgate.spec.Task;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.CheckResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  @TempDir Path home;

  private static double[] normal(int n, double mean, double sd, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = mean + sd * r.nextGaussian();
    return v;
  }

  private static HtmlReport regression(String feature, String message, Map<String, Double> base) {
    double[] actual = normal(5000, 50, 10, 1);
    double[] predicted = actual.clone();
    double[] noise = normal(5000, 0, 3, 2);
    for (int i = 0; i < predicted.length; i++) predicted[i] += noise[i];
    return new HtmlReport(
        "energy-load",
        3,
        "run-3",
        Task.REGRESSION,
        false,
        List.of(
            new CheckResult("threshold.rmse", 3.0, "≤ 75", Status.PASS, "rmse 3 ≤ 75"),
            new CheckResult("drift.share", 1.0, "≤ 0.5", Status.FAIL, message),
            new CheckResult("baseline", null, "≤ 0.05 worse", Status.SKIPPED, "none")),
        Map.of("rmse", 3.0, "r2", 0.91, "mae", 2.4),
        base,
        base == null ? null : 2,
        "file:/r/validation.json",
        "2026-11-22T12:00:00Z",
        List.of(
            new HtmlReport.FeatureSample(feature, normal(800, 0, 1, 3), normal(200, 0.5, 1, 4)),
            new HtmlReport.FeatureSample("humidity", normal(800, 60, 5, 5), normal(200, 60, 5, 6))),
        actual,
        predicted,
        null);
  }

  private static int count(String html, String what) {
    return (int) Pattern.compile(Pattern.quote(what)).matcher(html).results().count();
  }

  @Test
  void aRegressionReportHasAChartPerFeatureScatterResidualsAndMetricBars() {
    String html = regression("temperature", "drifted", Map.of("rmse", 3.2, "r2", 0.9)).render();
    // metric bars + predicted-vs-actual + residuals + two histograms
    assertThat(count(html, "<svg ")).isEqualTo(5);
    assertThat(count(html, "</svg>")).isEqualTo(5);
    assertThat(html).contains("Predicted vs actual (2000 of 5000 rows)");
    assertThat(count(html, "<circle ")).isEqualTo(2 * Scatter.MAX_POINTS);
    assertThat(html).contains("Metrics vs energy-load v2").contains("✗ FAILED");
    assertThat(html).contains("0.91  (+1.1 %, better)"); // r2 against Production's 0.9
    assertThat(html).contains("href=\"validation.json\"");
    // standalone: no scripts, no external assets (the SVG namespace is the only URL)
    assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("https://");
  }

  @Test
  void namesAndMessagesFromDataAreEscaped() {
    String html =
        regression("<script>alert(1)</script>", "bad \"<img src=x onerror=alert(1)>\" & co", null)
            .render();
    assertThat(html).doesNotContain("<script").doesNotContain("<img");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(html).contains("bad &quot;&lt;img src=x onerror=alert(1)&gt;&quot; &amp; co");
    assertThat(html).contains("Metrics on the holdout");
  }

  @Test
  void aClassifierGetsAConfusionMatrixInsteadOfScatterPlots() {
    double[] actual = {0, 0, 1, 1, 2, 2};
    double[] predicted = {0, 1, 1, 1, 2, 0};
    String html =
        new HtmlReport(
                "iris",
                1,
                "r",
                Task.CLASSIFICATION,
                true,
                List.of(),
                Map.of("accuracy", 0.67),
                null,
                null,
                "file:/r.json",
                "t",
                List.of(),
                actual,
                predicted,
                List.of("setosa", "<b>virginica</b>", "versicolor"))
            .render();
    assertThat(html).contains("<table class=\"cm\">").doesNotContain("Predicted vs actual");
    assertThat(html).contains("&lt;b&gt;virginica&lt;/b&gt;").doesNotContain("<b>");
    assertThat(count(html, "<svg ")).isEqualTo(1); // the metric bars
  }

  @Test
  void theReportIsWrittenThroughTheStoreNextToTheJsonWithItsDigest() throws IOException {
    var store = new LocalArtifactStore(home.resolve("artifacts"));
    HtmlReport report = regression("temperature", "m", null);
    HtmlReport.Written written = report.writeTo(store);
    Path file = FileUris.artifact(written.uri());
    assertThat(file)
        .isEqualTo(
            home.resolve("artifacts/reports/energy-load/v3/validation.html").toAbsolutePath());
    assertThat(written.digest()).isEqualTo(Digests.sha256(Files.readAllBytes(file)));
    assertThat(Files.readString(file)).isEqualTo(report.render());
  }

  @Test
  void scalesEndOnNiceTicks() {
    Scale s = Scale.of(0.13, 9.7, 0, 100, 5);
    assertThat(s.lo()).isEqualTo(0);
    assertThat(s.hi()).isEqualTo(10);
    assertThat(s.ticks()).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0, 10.0);
  }
}
