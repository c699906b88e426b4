package dev.tollgate.activities.train;

import dev.tollgate.activities.models.IsolationForestModel;
import dev.tollgate.activities.models.IsolationNode;
import dev.tollgate.activities.models.Predictor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Extended isolation forest (Hariri, Carrasco Kind and Brunner, 2018; extension level 0 is Liu's
 * classic axis-parallel forest), grown here rather than by Smile's {@code IsolationForest.fit}.
 * Smile's trees draw their hyperplanes from a process-wide Gaussian singleton that caches half of
 * each Box–Muller pair, unsynchronised: the same seed then gives other trees depending on what ran
 * before in the process (a cross-process test caught it), and its fit grows every tree on all rows
 * whatever the subsample. Here each tree draws from its own {@code Random}, seeded from the spec's
 * seed, on {@code subsample × rows} rows. The flag threshold is the training scores' {@code 1 −
 * contamination} quantile.
 */
final class IsolationForestTrainer implements Trainer {

  @Override
  public Predictor fit(TrainingSet set, HyperParams params, long seed, TreeProgress progress) {
    double[][] x = set.matrix();
    int p = x[0].length;
    int trees = params.integer("trees");
    int extension = params.integer("extension_level");
    if (extension >= p) {
      throw new IllegalArgumentException(
          "extension_level must be below the number of features (" + p + ")");
    }
    int sample = Math.max(2, (int) Math.round(x.length * params.real("subsample")));
    int depth = params.integer("max_depth");
    int maxDepth = depth > 0 ? depth : (int) Math.ceil(Math.log(sample) / Math.log(2));
    long[] seeds = new Random(seed).longs(trees).toArray();
    IsolationNode[] grown = new IsolationNode[trees];
    progress.built(0, trees);
    for (int t = 0; t < trees; t++) {
      Random random = new Random(seeds[t]);
      List<double[]> rows = new ArrayList<>(Arrays.asList(x));
      Collections.shuffle(rows, random);
      grown[t] = grow(rows.subList(0, sample), 0, maxDepth, extension, random);
      progress.built(t + 1, trees);
      progress.checkStopped();
    }
    var forest = new IsolationForestModel(grown, sample, 0);
    double[] scores = Arrays.stream(x).mapToDouble(forest::score).toArray();
    return new IsolationForestModel(grown, sample, threshold(scores, params.real("contamination")));
  }

  /** Splits on a random hyperplane through a random point of the rows' bounding box. */
  private static IsolationNode grow(
      List<double[]> rows, int depth, int maxDepth, int extension, Random random) {
    if (depth >= maxDepth || rows.size() <= 1) {
      return IsolationNode.leaf(depth + IsolationNode.averagePath(rows.size()));
    }
    int p = rows.getFirst().length;
    double[] normal = new double[p];
    double[] point = new double[p];
    for (int j = 0; j < p; j++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (double[] row : rows) {
        min = Math.min(min, row[j]);
        max = Math.max(max, row[j]);
      }
      point[j] = min + (max - min) * random.nextDouble();
      normal[j] = random.nextGaussian();
    }
    // Keep extension + 1 of the normal's coordinates: 1 gives an axis-parallel cut.
    List<Integer> order = new ArrayList<>(IntStream.range(0, p).boxed().toList());
    Collections.shuffle(order, random);
    for (int k = extension + 1; k < p; k++) {
      normal[order.get(k)] = 0;
    }
    double bias = 0;
    for (int j = 0; j < p; j++) {
      bias += normal[j] * point[j];
    }
    List<double[]> left = new ArrayList<>();
    List<double[]> right = new ArrayList<>();
    for (double[] row : rows) {
      double dot = 0;
      for (int j = 0; j < p; j++) {
        dot += normal[j] * row[j];
      }
      (dot < bias ? left : right).add(row);
    }
    return new IsolationNode(
        normal,
        bias,
        grow(left, depth + 1, maxDepth, extension, random),
        grow(right, depth + 1, maxDepth, extension, random),
        0);
  }

  /** The score that {@code share} of the training rows reach or exceed. */
  static double threshold(double[] scores, double share) {
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    int flagged = Math.max(1, (int) Math.round(sorted.length * share));
    return sorted[sorted.length - flagged];
  }
}
