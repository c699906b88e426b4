package dev.tollgate.activities.train;

import dev.tollgate.activities.models.IsolationForestModel;
import dev.tollgate.activities.models.Predictor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import smile.anomaly.IsolationForest;
import smile.anomaly.IsolationTree;
import smile.math.MathEx;

/**
 * Isolation forest, grown here from Smile's {@link IsolationTree}s rather than by {@code
 * IsolationForest.fit}: Smile's fit grows trees on a parallel stream from thread-local RNGs (so the
 * forest changes from run to run), and gives every tree all rows whatever the subsample. Here each
 * tree gets {@code subsample × rows} rows drawn with its own seed, derived from the spec's. The
 * flag threshold is the training scores' {@code 1 − contamination} quantile.
 */
final class IsolationForestTrainer implements Trainer {

  @Override
  public Predictor fit(TrainingSet set, HyperParams params, long seed, TreeProgress progress) {
    double[][] x = set.matrix();
    int trees = params.integer("trees");
    int extension = params.integer("extension_level");
    if (extension >= x[0].length) {
      throw new IllegalArgumentException(
          "extension_level must be below the number of features (" + x[0].length + ")");
    }
    int sample = Math.max(2, (int) Math.round(x.length * params.real("subsample")));
    int depth = params.integer("max_depth");
    int maxDepth = depth > 0 ? depth : (int) Math.ceil(MathEx.log2(sample));
    long[] seeds = new Random(seed).longs(trees).toArray();
    IsolationTree[] grown = new IsolationTree[trees];
    progress.built(0, trees);
    for (int t = 0; t < trees; t++) {
      MathEx.setSeed(seeds[t]);
      int[] order = MathEx.permutate(x.length);
      List<double[]> rows = new ArrayList<>(sample);
      for (int i = 0; i < sample; i++) {
        rows.add(x[order[i]]);
      }
      grown[t] = new IsolationTree(rows, maxDepth, extension);
      progress.built(t + 1, trees);
    }
    IsolationForest forest = new IsolationForest(sample, extension, grown);
    return new IsolationForestModel(
        forest, threshold(forest.score(x), params.real("contamination")));
  }

  /** The score that {@code share} of the training rows reach or exceed. */
  static double threshold(double[] scores, double share) {
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    int flagged = Math.max(1, (int) Math.round(sorted.length * share));
    return sorted[sorted.length - flagged];
  }
}
