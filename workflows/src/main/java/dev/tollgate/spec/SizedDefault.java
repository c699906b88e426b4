package dev.tollgate.spec;

import java.util.Objects;

/**
 * A default that depends on the training set's size: from {@code fromRows} training rows on, a
 * hyperparameter the spec leaves out defaults to {@code value} instead of its catalogue default. A
 * value the spec gives always wins. The value actually used is what the model's metadata records,
 * so a model card says which one a run got (docs/adr/0019-defaults-by-training-set-size.md).
 *
 * @param hyperparameter the hyperparameter's name in its {@link Algorithm}
 * @param fromRows the smallest number of training rows (the holdout not counted) it applies to
 * @param value the default from there on, of the hyperparameter's type
 */
public record SizedDefault(String hyperparameter, int fromRows, ParamValue value) {

  public SizedDefault {
    Objects.requireNonNull(hyperparameter, "hyperparameter");
    Objects.requireNonNull(value, "value");
    if (fromRows < 1) {
      throw new IllegalArgumentException("fromRows must be at least 1, not " + fromRows);
    }
  }

  static SizedDefault number(String hyperparameter, int fromRows, double value) {
    return new SizedDefault(hyperparameter, fromRows, ParamValue.number(value));
  }
}
