package dev.tollgate.activities;

import dev.tollgate.spec.ApprovalSpec;
import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.DeploySpec;
import dev.tollgate.spec.MetricBound;
import dev.tollgate.spec.NotifySpec;
import dev.tollgate.spec.ParamValue;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.TrainingSpec;
import dev.tollgate.spec.ValidationSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** Small seeded datasets and specs for the activity tests. */
public final class TestData {
  public static final String MODEL = "demo-model";
  public static final double NOISE = 1.0;

  private TestData() {}

  /**
   * Writes {@code rows} rows of {@code y = 3·x1 − 2·x2 + N(0, NOISE²)} with x1, x2 uniform on [0,
   * 10) (x1 shifted by {@code x1Shift}), plus an unused text column to show it is not parsed.
   */
  public static Path linearCsv(Path file, int rows, long seed, double x1Shift) throws IOException {
    Random random = new Random(seed);
    StringBuilder csv = new StringBuilder("id,x1,x2,note,y\n");
    for (int i = 0; i < rows; i++) {
      double x1 = 10 * random.nextDouble() + x1Shift;
      double x2 = 10 * random.nextDouble();
      double y = 3 * x1 - 2 * x2 + NOISE * random.nextGaussian();
      csv.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,row %d,%.6f%n", i, x1, x2, i, y));
    }
    Files.createDirectories(file.getParent());
    return Files.writeString(file, csv);
  }

  public static DataSpec data(Path csv) {
    return new DataSpec(csv.toUri().toString(), "y", List.of("x1", "x2"), 100, null);
  }

  public static TrainingSpec training(String algorithm, Map<String, ?> params) {
    return new TrainingSpec(algorithm, params(params), 42, 0.2);
  }

  /** Typed hyperparameter values from plain ones: a number, a text or a flag each. */
  public static Map<String, ParamValue> params(Map<String, ?> plain) {
    Map<String, ParamValue> typed = new java.util.TreeMap<>();
    plain.forEach(
        (name, v) ->
            typed.put(
                name,
                switch (v) {
                  case Number n -> ParamValue.number(n.doubleValue());
                  case Boolean b -> ParamValue.flag(b);
                  default -> ParamValue.text(String.valueOf(v));
                }));
    return typed;
  }

  /** A fast gradient boosting setting that still fits the linear data well. */
  public static TrainingSpec fastBoosting() {
    return training("gradient_boosting", Map.of("trees", 120.0, "shrinkage", 0.1));
  }

  /** Three shallow trees: a model that is clearly worse than {@link #fastBoosting()}. */
  public static TrainingSpec weakBoosting() {
    return training("gradient_boosting", Map.of("trees", 3.0, "max_depth", 2.0, "shrinkage", 0.05));
  }

  public static ValidationSpec validation(Map<String, MetricBound> thresholds) {
    return new ValidationSpec(thresholds, null, null, null, null);
  }

  public static PipelineSpec spec(DataSpec data, TrainingSpec training, ValidationSpec validation) {
    return spec(Task.REGRESSION, data, training, validation);
  }

  public static PipelineSpec spec(
      Task task, DataSpec data, TrainingSpec training, ValidationSpec validation) {
    return new PipelineSpec(
        "test.yaml",
        MODEL,
        task,
        data,
        training,
        validation,
        new ApprovalSpec(
            List.of("alice"), 1, Duration.ofHours(1), List.of(), ApprovalSpec.TimeoutAction.REJECT),
        new DeploySpec(DeploySpec.Target.LOCAL, true, null),
        new NotifySpec(null),
        null);
  }
}
