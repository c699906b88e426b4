package dev.tollgate.stages;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The train stage: data in, a stored model artifact and its holdout metrics out. */
@ActivityInterface
public interface TrainActivities {

  /**
   * Loads the dataset, splits the holdout with the spec's seed, trains, scores the holdout and
   * stores the model with its metadata. Heartbeats its progress. Same data + spec + seed gives the
   * same metrics, so a retried attempt simply starts again.
   */
  @ActivityMethod
  TrainedModel train(TrainRequest request);

  /**
   * One hyperparameter-search trial: trains with the request's parameters on the same split and
   * returns the holdout metrics; stores nothing. Failures are the same typed failures as {@link
   * #train}.
   */
  @ActivityMethod
  TrialResult trial(TrainRequest request);
}
