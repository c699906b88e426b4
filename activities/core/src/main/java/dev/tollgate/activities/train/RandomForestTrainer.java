package dev.tollgate.activities.train;

import dev.tollgate.activities.models.Predictor;
import dev.tollgate.activities.models.SmileRegressor;
import java.util.Arrays;
import java.util.Random;
import smile.regression.RandomForest;
import smile.validation.RegressionMetrics;

/** Smile's regression random forest; mtry is left to Smile (a third of the features). */
final class RandomForestTrainer implements Trainer {

  @Override
  public Predictor fit(TrainingSet set, HyperParams params, long seed, TreeProgress progress) {
    SmileSplits.exact();
    int trees = params.integer("trees");
    // Trees grow in parallel on pool threads, so seeding the calling thread is not enough: Smile
    // seeds each tree's thread from this array, which is itself derived from the spec's seed.
    long[] seeds = new Random(seed).longs(trees).toArray();
    try (var counter = new TreeCounter<RandomForest.TrainingStatus>(progress, trees)) {
      var options =
          new RandomForest.Options(
              trees,
              0,
              params.integer("max_depth"),
              params.integer("max_nodes"),
              params.integer("node_size"),
              params.real("subsample"),
              seeds,
              counter);
      return new SmileRegressor(
          reproducible(RandomForest.fit(set.formula(), set.frame(), options)));
    }
  }

  /**
   * Makes identical forests serialize to identical bytes, so the artifact stays content-addressed.
   * Smile keeps each tree's fit and score times in the model (zeroed here, the trees' out-of-bag
   * accuracy is kept), and its forest-level out-of-bag figures are summed by parallel threads
   * without ordering (nor synchronisation), so they vary from run to run: they are replaced by NaN.
   * Tollgate's metrics come from the holdout, not from these.
   */
  private static RandomForest reproducible(RandomForest forest) {
    RandomForest.Model[] models =
        Arrays.stream(forest.models())
            .map(m -> new RandomForest.Model(m.tree(), withoutTimes(m.metrics())))
            .toArray(RandomForest.Model[]::new);
    var oob = forest.metrics();
    var unknown =
        new RegressionMetrics(
            0, 0, oob.size(), Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    return new RandomForest(forest.formula(), models, unknown, forest.importance());
  }

  private static RegressionMetrics withoutTimes(RegressionMetrics m) {
    return new RegressionMetrics(0, 0, m.size(), m.rss(), m.mse(), m.rmse(), m.mad(), m.r2());
  }
}
