package dev.tollgate.activities.train;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.Frames;
import dev.tollgate.activities.models.Matrices;
import smile.data.DataFrame;
import smile.data.formula.Formula;

/**
 * The rows a model is fitted on, with the layouts the libraries take.
 *
 * @param rows the training rows of {@code data}, ascending
 */
public record TrainingSet(Dataset data, int[] rows) {

  /** The number of classes for classification, else 0. */
  public int classes() {
    return data.classes() == null ? 0 : data.classes().size();
  }

  public Formula formula() {
    return Formula.lhs(data.target());
  }

  public DataFrame frame() {
    return Frames.of(data, rows);
  }

  public double[][] matrix() {
    return Matrices.rows(data, rows);
  }

  public int[] labels() {
    return Matrices.labels(data, rows);
  }
}
