package dev.tollgate.spec;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to train: the algorithm, its hyperparameters (numbers, texts or flags, checked per algorithm
 * against the {@link AlgorithmCatalogue}), the seed that makes runs reproducible, the share of rows
 * held out for metrics, and an optional hyperparameter search ({@code null} when there is none),
 * and whether a classification holdout is stratified ({@code null}: the default, yes).
 */
public record TrainingSpec(
    String algorithm,
    Map<String, ParamValue> params,
    long seed,
    double holdout,
    SearchSpec search,
    Boolean stratify) {

  /** Training without a hyperparameter search. */
  public TrainingSpec(String algorithm, Map<String, ParamValue> params, long seed, double holdout) {
    this(algorithm, params, seed, holdout, null);
  }

  /** {@code stratify} left to its default (and as recorded before the option existed). */
  public TrainingSpec(
      String algorithm,
      Map<String, ParamValue> params,
      long seed,
      double holdout,
      SearchSpec search) {
    this(algorithm, params, seed, holdout, search, null);
  }

  /**
   * Whether the holdout keeps each class's share of the rows ({@code training.stratify}): the
   * default for classification, where a plain random sample of a few hundred rows swings AUC by a
   * couple of hundredths between seeds; never for other tasks, which have no classes.
   */
  public boolean stratified(boolean classification) {
    return classification && (stratify == null || stratify);
  }

  public TrainingSpec {
    Objects.requireNonNull(algorithm, "algorithm");
    params = Map.copyOf(new TreeMap<>(params));
    if (!(holdout > 0 && holdout < 1)) {
      throw new IllegalArgumentException(
          "holdout must be between 0 and 1 (exclusive), got " + holdout);
    }
  }

  /** The same training with other hyperparameters and no search: one trial, or the final fit. */
  public TrainingSpec withParams(Map<String, ParamValue> chosen) {
    return new TrainingSpec(algorithm, chosen, seed, holdout, null, stratify);
  }

  /** A hyperparameter the spec sets, or {@code null} when it leaves it to the default. */
  public ParamValue param(String name) {
    return params.get(name);
  }
}
