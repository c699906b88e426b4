package dev.tollgate.activities.train;

import dev.tollgate.activities.models.Predictor;
import dev.tollgate.activities.models.SmileRegressor;
import smile.regression.OLS;

/** Ordinary least squares (QR decomposition); no hyperparameters, no randomness. */
final class LinearTrainer implements Trainer {

  @Override
  public Predictor fit(TrainingSet set, HyperParams params, long seed, TreeProgress progress) {
    return new SmileRegressor(OLS.fit(set.formula(), set.frame()));
  }
}
