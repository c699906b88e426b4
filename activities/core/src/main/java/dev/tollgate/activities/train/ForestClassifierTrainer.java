package dev.tollgate.activities.train;

import dev.tollgate.activities.models.Predictor;
import dev.tollgate.activities.models.SmileClassifier;
import java.util.Arrays;
import java.util.Random;
import smile.base.cart.SplitRule;
import smile.classification.RandomForest;
import smile.util.IntSet;
import smile.validation.ClassificationMetrics;

/**
 * Smile's classification random forest (Gini splits, mtry left to Smile: √features). Each tree's
 * RNG is seeded from the spec's seed, so the parallel fit is reproducible.
 */
final class ForestClassifierTrainer implements Trainer {

  @Override
  public Predictor fit(TrainingSet set, HyperParams params, long seed, TreeProgress progress) {
    int trees = params.integer("trees");
    long[] seeds = new Random(seed).longs(trees).toArray();
    try (var counter = new TreeCounter<RandomForest.TrainingStatus>(progress, trees)) {
      var options =
          new RandomForest.Options(
              trees,
              0,
              SplitRule.GINI,
              params.integer("max_depth"),
              params.integer("max_nodes"),
              params.integer("node_size"),
              params.real("subsample"),
              null,
              seeds,
              counter);
      RandomForest forest = RandomForest.fit(set.formula(), set.frame(), options);
      return new SmileClassifier(reproducible(forest), set.classes());
    }
  }

  /**
   * As for the regression forest: drops the fit and score times Smile keeps per tree, and the
   * forest-level out-of-bag figures its parallel threads sum without ordering, so identical forests
   * serialize to identical bytes. Each tree's own out-of-bag accuracy stays: it weights the vote.
   */
  private static RandomForest reproducible(RandomForest forest) {
    RandomForest.Model[] models =
        Arrays.stream(forest.models())
            .map(m -> new RandomForest.Model(m.tree(), withoutTimes(m.metrics()), m.weight()))
            .toArray(RandomForest.Model[]::new);
    var oob = forest.metrics();
    var unknown = new ClassificationMetrics(0, 0, oob.size(), 0, Double.NaN);
    return new RandomForest(
        forest.formula(),
        forest.numClasses(),
        models,
        unknown,
        forest.importance(),
        new IntSet(forest.classes()));
  }

  private static ClassificationMetrics withoutTimes(ClassificationMetrics m) {
    return new ClassificationMetrics(
        0,
        0,
        m.size(),
        m.error(),
        m.accuracy(),
        m.sensitivity(),
        m.specificity(),
        m.precision(),
        m.f1(),
        m.mcc(),
        m.auc(),
        m.logloss(),
        m.crossEntropy());
  }
}
