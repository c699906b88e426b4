package dev.tollgate.activities.train;

import dev.tollgate.activities.models.Predictor;

/**
 * One algorithm behind a common shape, so the stage code does not care which one the spec names.
 * Implementations must be deterministic for a given seed: the pipeline promises that the same data,
 * spec and seed give the same metrics and the same model bytes, whichever worker trains.
 */
public interface Trainer {

  /**
   * Fits a model on {@code set}, on the calling thread unless the algorithm parallelises internally
   * (and then still deterministically), telling {@code progress} as trees are built.
   */
  Predictor fit(TrainingSet set, HyperParams params, long seed, TreeProgress progress);
}
