package dev.tollgate.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to train: the algorithm, its hyperparameters (numbers, texts or flags, checked per algorithm
 * against the {@link AlgorithmCatalogue}), the seed that makes runs reproducible, the share of rows
 * held out for metrics, and an optional hyperparameter search ({@code null} when there is none),
 * and whether a classification holdout is stratified ({@code null}: the default, yes).
 *
 * <p>Or, instead of an algorithm, the team's own command or an imported model ({@code
 * training.command} / {@code training.import}, issue 24): then {@link #algorithm} is {@code null},
 * {@link #params} and {@link #search} are empty, and {@link #command} says what to run. The seed,
 * holdout and stratification are read the same way for both: Tollgate splits the data either way,
 * and the command never sees the holdout.
 *
 * @param command {@code null} for a catalogue algorithm (then left out of the spec's JSON, so the
 *     digest of such a spec is what it was before commands existed)
 */
public record TrainingSpec(
    String algorithm,
    Map<String, ParamValue> params,
    long seed,
    double holdout,
    SearchSpec search,
    Boolean stratify,
    @JsonInclude(JsonInclude.Include.NON_NULL) TrainingCommandSpec command) {

  /** A catalogue algorithm. */
  public TrainingSpec(
      String algorithm,
      Map<String, ParamValue> params,
      long seed,
      double holdout,
      SearchSpec search,
      Boolean stratify) {
    this(algorithm, params, seed, holdout, search, stratify, null);
  }

  /** Training by a command or an import, on Tollgate's own split. */
  public static TrainingSpec byCommand(
      TrainingCommandSpec command, long seed, double holdout, Boolean stratify) {
    return new TrainingSpec(null, Map.of(), seed, holdout, null, stratify, command);
  }

  /** Whether the team's command (or an imported model) trains rather than the catalogue. */
  public boolean byCommand() {
    return command != null;
  }

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
    if ((algorithm == null) == (command == null)) {
      throw new IllegalArgumentException("exactly one of algorithm and command");
    }
    if (command != null && (!params.isEmpty() || search != null)) {
      throw new IllegalArgumentException("a command brings its own params and runs no search");
    }
    params = Map.copyOf(new TreeMap<>(params));
    if (!(holdout > 0 && holdout < 1)) {
      throw new IllegalArgumentException(
          "holdout must be between 0 and 1 (exclusive), got " + holdout);
    }
  }

  /** The same training with other hyperparameters and no search: one trial, or the final fit. */
  public TrainingSpec withParams(Map<String, ParamValue> chosen) {
    return new TrainingSpec(algorithm, chosen, seed, holdout, null, stratify, command);
  }

  /** A hyperparameter the spec sets, or {@code null} when it leaves it to the default. */
  public ParamValue param(String name) {
    return params.get(name);
  }
}
