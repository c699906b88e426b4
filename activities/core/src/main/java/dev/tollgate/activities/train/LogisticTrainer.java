package dev.tollgate.activities.train;

import dev.tollgate.activities.models.Predictor;
import dev.tollgate.activities.models.SmileClassifier;
import smile.classification.LogisticRegression;

/**
 * Smile's logistic regression: binomial for two classes, multinomial (softmax) for more, fitted by
 * L-BFGS with an L2 penalty {@code lambda} (a little of it keeps separable classes from pushing the
 * weights to infinity). Deterministic: no seed needed.
 */
final class LogisticTrainer implements Trainer {

  @Override
  public Predictor fit(TrainingSet set, HyperParams params, long seed, TreeProgress progress) {
    var options =
        new LogisticRegression.Options(
            params.real("lambda"), params.real("tolerance"), params.integer("max_iterations"));
    LogisticRegression model = LogisticRegression.fit(set.matrix(), set.labels(), options);
    return new SmileClassifier(model, set.classes());
  }
}
