package dev.tollgate.activities.train;

import dev.tollgate.activities.data.Dataset;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/** Small seeded datasets built directly, for trainer and metric tests. */
final class Synthetic {
  private Synthetic() {}

  /** y = 3·x1 − 2·x2 + 4·sin(x3) + N(0, 0.5²), x uniform on [0, 10). */
  static Dataset regression(int n, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[3][n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) {
        x[j][i] = 10 * random.nextDouble();
      }
      y[i] = 3 * x[0][i] - 2 * x[1][i] + 4 * Math.sin(x[2][i]) + 0.5 * random.nextGaussian();
    }
    return new Dataset("regression.csv", "r" + seed, "y", List.of("x1", "x2", "x3"), y, x);
  }

  /**
   * {@code k} classes, each a Gaussian blob (σ = 1) centred 4 apart on a circle in (x1, x2), plus a
   * noise feature x3: separable but for a few points near the borders.
   */
  static Dataset blobs(int n, int k, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[3][n];
    double[] y = new double[n];
    double radius = k == 2 ? 2.5 : 4 / (2 * Math.sin(Math.PI / k));
    for (int i = 0; i < n; i++) {
      int c = random.nextInt(k);
      double angle = 2 * Math.PI * c / k;
      x[0][i] = radius * Math.cos(angle) + random.nextGaussian();
      x[1][i] = radius * Math.sin(angle) + random.nextGaussian();
      x[2][i] = random.nextGaussian();
      y[i] = c;
    }
    List<String> names = IntStream.range(0, k).mapToObj(c -> "class-" + c).toList();
    return new Dataset("blobs.csv", "b" + seed, "label", List.of("x1", "x2", "x3"), y, x, names);
  }

  /**
   * Normal rows N(0, 1) in three features and, every {@code every}-th row, an outlier 6 to 8 away
   * from the centre along a random direction; the target labels outliers 1.
   */
  static Dataset outliers(int n, int every, long seed) {
    Random random = new Random(seed);
    double[][] x = new double[3][n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      boolean outlier = i % every == 0;
      double[] v = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      if (outlier) {
        double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        double distance = 6 + 2 * random.nextDouble();
        for (int j = 0; j < 3; j++) {
          v[j] = v[j] / norm * distance;
        }
      }
      for (int j = 0; j < 3; j++) {
        x[j][i] = v[j];
      }
      y[i] = outlier ? 1 : 0;
    }
    return new Dataset("sensors.csv", "o" + seed, "anomaly", List.of("a", "b", "c"), y, x);
  }

  static int[] range(int from, int to) {
    return IntStream.range(from, to).toArray();
  }

  static List<Integer> rangeList(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }
}
