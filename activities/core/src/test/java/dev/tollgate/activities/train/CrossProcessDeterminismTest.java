package dev.tollgate.activities.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.spec.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void anotherJvmTrainsTheSameModels(@TempDir Path dir) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    // Output to files, so a hung child is stopped by the timeout and its stderr is shown.
    Path stdout = dir.resolve("stdout.txt");
    Path stderr = dir.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                CrossProcessDeterminismTest.class.getName())
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    boolean exited = process.waitFor(2, TimeUnit.MINUTES);
    if (!exited) process.destroyForcibly();
    String errors = Files.readString(stderr, StandardCharsets.UTF_8);
    assertThat(exited).as("the other JVM finished within 2 minutes; stderr:%n%s", errors).isTrue();
    assertThat(process.exitValue()).as("exit code; stderr:%n%s", errors).isZero();
    assertThat(
            Files.readString(stdout, StandardCharsets.UTF_8)
                .lines()
                .filter(l -> l.matches("[0-9a-f]{64}"))
                .toList())
        .containsExactlyElementsOf(digests());
  }
}
