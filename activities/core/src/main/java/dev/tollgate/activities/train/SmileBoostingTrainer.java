package dev.tollgate.activities.train;

import dev.tollgate.activities.models.Predictor;
import dev.tollgate.activities.models.SmileRegressor;
import smile.base.cart.Loss;
import smile.math.MathEx;
import smile.regression.GradientTreeBoost;

/**
 * Smile's gradient tree boosting ({@code smile_gradient_boosting}) with least-squares loss (Smile's
 * default is least absolute deviation; the gate's metrics are rmse and r2, which least squares
 * optimises). Kept beside XGBoost for specs written against it; it is much slower.
 */
final class SmileBoostingTrainer implements Trainer {

  @Override
  public Predictor fit(TrainingSet set, HyperParams params, long seed, TreeProgress progress) {
    // The only randomness is the row subsample of each tree, drawn from MathEx's RNG, which is
    // thread-local: seeding it here, on the thread that runs fit, makes the model reproducible.
    MathEx.setSeed(seed);
    SmileSplits.exact();
    int trees = params.integer("trees");
    try (var counter = new TreeCounter<GradientTreeBoost.TrainingStatus>(progress, trees)) {
      var options =
          new GradientTreeBoost.Options(
              Loss.ls(),
              trees,
              params.integer("max_depth"),
              params.integer("max_nodes"),
              params.integer("node_size"),
              params.real("shrinkage"),
              params.real("subsample"),
              null,
              counter);
      return new SmileRegressor(GradientTreeBoost.fit(set.formula(), set.frame(), options));
    }
  }
}
