package dev.tollgate.activities.train;

import dev.tollgate.activities.models.Predictor;
import dev.tollgate.activities.models.SmileRegressor;
import smile.regression.LASSO;

/**
 * Lasso: least squares with an L1 penalty {@code lambda}, which drives weak features' coefficients
 * to exactly 0. Smile solves it with an interior-point method: deterministic, no seed needed.
 */
final class LassoTrainer implements Trainer {

  @Override
  public Predictor fit(TrainingSet set, HyperParams params, long seed, TreeProgress progress) {
    var options =
        new LASSO.Options(
            params.real("lambda"), params.real("tolerance"), params.integer("max_iterations"));
    return new SmileRegressor(LASSO.fit(set.formula(), set.frame(), options));
  }
}
