package dev.tollgate.activities.train;

import smile.base.cart.Loss;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.math.MathEx;
import smile.regression.DataFrameRegression;
import smile.regression.GradientTreeBoost;

/**
 * Smile's gradient tree boosting with least-squares loss (Smile's default is least absolute
 * deviation; the gate's metrics are rmse and r2, which least squares optimises).
 */
final class GradientBoostingTrainer implements Trainer {

  @Override
  public DataFrameRegression fit(Formula formula, DataFrame train, HyperParams params, long seed) {
    // The only randomness is the row subsample of each tree, drawn from MathEx's RNG, which is
    // thread-local: seeding it here, on the thread that runs fit, makes the model reproducible.
    MathEx.setSeed(seed);
    var options =
        new GradientTreeBoost.Options(
            Loss.ls(),
            params.integer("trees"),
            params.integer("max_depth"),
            params.integer("max_nodes"),
            params.integer("node_size"),
            params.real("shrinkage"),
            params.real("subsample"),
            null,
            null);
    return GradientTreeBoost.fit(formula, train, options);
  }
}
