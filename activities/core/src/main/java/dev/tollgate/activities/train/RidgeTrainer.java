package dev.tollgate.activities.train;

import dev.tollgate.activities.models.Predictor;
import dev.tollgate.activities.models.SmileRegressor;
import smile.regression.RidgeRegression;

/**
 * Ridge regression: least squares with an L2 penalty {@code lambda} on the coefficients (Smile
 * centres and scales the features first, and leaves the intercept unpenalised). Closed form: no
 * randomness.
 */
final class RidgeTrainer implements Trainer {

  @Override
  public Predictor fit(TrainingSet set, HyperParams params, long seed, TreeProgress progress) {
    return new SmileRegressor(
        RidgeRegression.fit(set.formula(), set.frame(), params.real("lambda")));
  }
}
