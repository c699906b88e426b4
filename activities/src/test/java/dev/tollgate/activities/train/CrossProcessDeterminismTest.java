package dev.tollgate.activities.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.spec.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A restarted worker is another JVM: the model digests it produces must match this one's. (XGBoost
 * seeds a native RNG, Smile thread-local ones; neither may depend on process state.)
 */
class CrossProcessDeterminismTest {

  /** The digests of five small models, one per line: what the other JVM prints. */
  static List<String> digests() {
    Dataset regression = Synthetic.regression(2500, 8);
    Dataset blobs = Synthetic.blobs(2500, 3, 8);
    Dataset sensors = Synthetic.outliers(2500, 50, 8);
    return List.of(
        TrainersTest.digest(
            TrainersTest.fit(
                    Task.REGRESSION, regression, "gradient_boosting", Map.of("trees", 30.0))
                .model()),
        TrainersTest.digest(
            TrainersTest.fit(Task.CLASSIFICATION, blobs, "gradient_boosting", Map.of("trees", 20.0))
                .model()),
        TrainersTest.digest(
            TrainersTest.fit(Task.ANOMALY, sensors, "isolation_forest", Map.of("trees", 30.0))
                .model()),
        TrainersTest.digest(
            TrainersTest.fit(Task.CLASSIFICATION, blobs, "random_forest", Map.of("trees", 20.0))
                .model()),
        TrainersTest.digest(
            TrainersTest.fit(
                    Task.REGRESSION, regression, "smile_gradient_boosting", Map.of("trees", 30.0))
                .model()));
  }

  public static void main(String[] args) {
    digests().forEach(System.out::println);
  }

  @Test
  void anotherJvmTrainsTheSameModels() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                CrossProcessDeterminismTest.class.getName())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(out.lines().filter(l -> l.matches("[0-9a-f]{64}")).toList())
        .containsExactlyElementsOf(digests());
  }
}
