package dev.tollgate.activities.train;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.DataFrameRegression;
import smile.regression.OLS;

/** Ordinary least squares (QR decomposition); no hyperparameters, no randomness. */
final class LinearTrainer implements Trainer {

  @Override
  public DataFrameRegression fit(Formula formula, DataFrame train, HyperParams params, long seed) {
    return OLS.fit(formula, train);
  }
}
