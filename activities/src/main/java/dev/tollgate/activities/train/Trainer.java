package dev.tollgate.activities.train;

import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.DataFrameRegression;

/**
 * One algorithm behind a common shape, so the stage code does not care which one the spec names.
 * Implementations must be deterministic for a given seed: the pipeline promises that the same data,
 * spec and seed give the same metrics.
 */
public interface Trainer {

  /**
   * Fits a model of {@code formula} on {@code train}, on the calling thread unless the algorithm
   * parallelises internally (and then still deterministically).
   */
  DataFrameRegression fit(Formula formula, DataFrame train, HyperParams params, long seed);
}
