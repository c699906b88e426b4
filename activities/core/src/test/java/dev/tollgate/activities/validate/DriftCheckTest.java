package dev.tollgate.activities.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.data.DataSchema;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.HoldoutSplit;
import dev.tollgate.activities.data.LoadReport;
import dev.tollgate.activities.data.ReferenceSample;
import dev.tollgate.activities.files.Json;
import dev.tollgate.spec.Task;
import dev.tollgate.spec.ValidationSpec.DriftSpec;
import dev.tollgate.stages.CheckResult.Status;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DriftCheckTest {
  private static final int N = 1000;

  /** Rows 0..N-1 are the training part, N..2N-1 the holdout. */
  private static Holdout holdout(Dataset data) {
    int[] train = IntStream.range(0, N).toArray();
    int[] hold = IntStream.range(N, 2 * N).toArray();
    return new Holdout(
        Task.REGRESSION,
        data,
        new HoldoutSplit(train, hold),
        new double[N],
        new double[N],
        Map.of());
  }

  /** {@code names[j]}: the holdout's values are the training values plus {@code shifts[j]}. */
  private static Dataset numeric(List<String> names, double[] shifts, long seed) {
    Random random = new Random(seed);
    double[][] columns = new double[names.size()][2 * N];
    for (int j = 0; j < names.size(); j++) {
      for (int i = 0; i < N; i++) {
        double v = random.nextGaussian();
        columns[j][i] = v;
        columns[j][N + i] = random.nextGaussian() + shifts[j];
      }
    }
    return new Dataset("d.csv", "0", "y", names, new double[2 * N], columns);
  }

  private static DriftDetails.Feature feature(DriftCheck.Result r, String name) {
    return r.details().features().stream().filter(f -> f.name().equals(name)).findFirst().get();
  }

  @ParameterizedTest
  @ValueSource(strings = {"psi", "ks", "z", "chi2", "all"})
  void aShiftedFeatureDriftsAndAnUnshiftedOneDoesNot(String method) {
    Dataset data = numeric(List.of("moved", "still"), new double[] {0.5, 0}, 7);
    var result =
        DriftCheck.run(new DriftSpec(method, 0.1, 0.4, 0.05, false, 10), holdout(data), null, null);
    assertThat(feature(result, "moved").drifted()).isTrue();
    assertThat(feature(result, "still").drifted()).isFalse();
    assertThat(result.check().status()).isEqualTo(Status.FAIL); // 1 of 2 > 0.4
    assertThat(result.check().value()).isEqualTo(0.5);
    assertThat(result.check().message())
        .contains("1 of 2 features drifted by " + method, "holdout vs training part", "moved");
    var moved = feature(result, "moved");
    assertThat(moved.type()).isEqualTo("numeric");
    assertThat(moved.ksPValue()).isLessThan(1e-6);
    assertThat(moved.zStatistic()).isGreaterThan(5);
    assertThat(moved.psi()).isGreaterThan(0.1);
    assertThat(moved.chi2PValue()).isLessThan(1e-6);
  }

  @Test
  void bonferroniTurnsABorderlineDriftIntoNone() {
    // Holdout = training values + delta: equal variances, so z = delta / sqrt(2 var / N)
    // exactly; delta is chosen for p ≈ 0.02, between 0.05/4 and 0.05.
    Random random = new Random(3);
    List<String> names = List.of("a", "b", "c", "d");
    double[][] columns = new double[4][2 * N];
    for (int j = 0; j < 4; j++) {
      for (int i = 0; i < N; i++) columns[j][i] = columns[j][N + i] = random.nextGaussian();
    }
    double[] a = java.util.Arrays.copyOf(columns[0], N);
    double var = dev.tollgate.activities.stats.Moments.of(a).variance();
    double delta = 2.326 * Math.sqrt(2 * var / N);
    for (int i = 0; i < N; i++) columns[0][N + i] += delta;
    Dataset data = new Dataset("d.csv", "0", "y", names, new double[2 * N], columns);

    var plain =
        DriftCheck.run(new DriftSpec("z", 0.1, 0.5, 0.05, false, 10), holdout(data), null, null);
    assertThat(feature(plain, "a").zPValue()).isBetween(0.0125, 0.05);
    assertThat(feature(plain, "a").drifted()).isTrue();
    assertThat(plain.details().alpha()).isEqualTo(0.05);

    var corrected =
        DriftCheck.run(new DriftSpec("z", 0.1, 0.5, 0.05, true, 10), holdout(data), null, null);
    assertThat(feature(corrected, "a").drifted()).isFalse();
    assertThat(corrected.details().alpha()).isEqualTo(0.0125);
    assertThat(corrected.check().threshold()).contains("α 0.05/4");
    assertThat(corrected.check().value()).isZero();
  }

  /** One categorical feature: training rows uniform over three regions, holdout as given. */
  private static Dataset regions(double[] holdoutShares) {
    List<String> categories = List.of("east", "north", "south");
    var schema =
        new DataSchema(
            List.of(
                new DataSchema.Feature(
                    "region", DataSchema.Type.CATEGORICAL, categories, null, "east")));
    double[][] columns = new double[3][2 * N];
    for (int i = 0; i < N; i++) {
      columns[i % 3][i] = 1;
      double u = (i + 0.5) / N;
      int c = u < holdoutShares[0] ? 0 : u < holdoutShares[0] + holdoutShares[1] ? 1 : 2;
      columns[c][N + i] = 1;
    }
    return new Dataset(
        "d.csv",
        "0",
        "y",
        schema.inputs(),
        new double[2 * N],
        columns,
        null,
        null,
        schema,
        LoadReport.clean(2 * N));
  }

  @Test
  void chiSquareDetectsACategoricalShift() {
    var spec = new DriftSpec("chi2", 0.1, 0.5, 0.05, false, 10);
    var shifted = DriftCheck.run(spec, holdout(regions(new double[] {0.1, 0.7, 0.2})), null, null);
    var region = feature(shifted, "region");
    assertThat(region.type()).isEqualTo("categorical");
    assertThat(region.ksPValue()).isNull();
    assertThat(region.chi2PValue()).isLessThan(1e-10);
    assertThat(region.drifted()).isTrue();
    assertThat(shifted.check().status()).isEqualTo(Status.FAIL);
    assertThat(shifted.check().message()).contains("region χ²");

    var same = DriftCheck.run(spec, holdout(regions(new double[] {0.34, 0.33, 0.33})), null, null);
    assertThat(feature(same, "region").drifted()).isFalse();
    assertThat(same.check().status()).isEqualTo(Status.PASS);
    // ks and z do not apply to a category: it is judged by its chi-square test.
    var ks =
        DriftCheck.run(
            new DriftSpec("ks", 0.1, 0.5, 0.05, false, 10),
            holdout(regions(new double[] {0.1, 0.7, 0.2})),
            null,
            null);
    assertThat(feature(ks, "region").drifted()).isTrue();
  }

  @Test
  void comparesWithTheProductionReferenceWhenItCoversTheFeatures() throws Exception {
    Dataset old = numeric(List.of("moved", "still"), new double[] {0, 0}, 11);
    var stored = ReferenceSample.of(old, IntStream.range(0, 2 * N).toArray(), 42);
    var reference = Json.mapper().readValue(Json.pretty(stored), ReferenceSample.class);
    assertThat(reference.numeric().get("moved").count()).isEqualTo(2 * N);
    assertThat(reference.numeric().get("moved").sample()).hasSize(2 * N);

    // New data whose training part moved by 1 in "moved" only.
    Dataset now = numeric(List.of("moved", "still"), new double[] {0, 0}, 12);
    for (int i = 0; i < 2 * N; i++) now.columns()[0][i] += 1;
    var result =
        DriftCheck.run(
            new DriftSpec("ks", 0.1, 0.5, 0.01, false, 10), holdout(now), reference, "m v1");
    assertThat(result.check().message()).contains("training data vs m v1's training data");
    assertThat(feature(result, "moved").drifted()).isTrue();
    assertThat(feature(result, "still").ksPValue()).as("still").isGreaterThan(0.01);
    assertThat(feature(result, "still").drifted()).isFalse();
    assertThat(result.check().status()).isEqualTo(Status.PASS); // 0.5 ≤ 0.5
  }

  @Test
  void aReferenceMissingAFeatureFallsBackToTheHoldout() {
    Dataset old = numeric(List.of("moved"), new double[] {0}, 11);
    var partial = ReferenceSample.of(old, IntStream.range(0, N).toArray(), 42);
    Dataset now = numeric(List.of("moved", "still"), new double[] {0.5, 0}, 12);
    var result =
        DriftCheck.run(
            new DriftSpec("psi", 0.1, 0.5, 0.05, false, 10), holdout(now), partial, "m v1");
    assertThat(result.check().message()).contains("holdout vs training part");
    assertThat(result.details().reference()).isEqualTo("holdout vs training part");
    assertThat(feature(result, "moved").drifted()).isTrue();
  }

  @Test
  void theSampleIsBoundedAndSeeded() {
    int[] rows = IntStream.range(0, 20_000).toArray();
    int[] a = ReferenceSample.sample(rows, 5000, 1);
    assertThat(a).hasSize(5000).doesNotHaveDuplicates();
    assertThat(ReferenceSample.sample(rows, 5000, 1)).isEqualTo(a);
  }
}
