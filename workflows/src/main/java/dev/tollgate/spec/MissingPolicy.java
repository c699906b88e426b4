package dev.tollgate.spec;

/**
 * What loading does with a missing value (an empty field, {@code NA}, {@code N/A}, {@code NaN} or
 * {@code null}) in a column the pipeline uses. Explicit in the spec because every choice changes
 * the model: silently filling or dropping rows would hide a broken export.
 */
public enum MissingPolicy {
  /** Refuse the dataset, naming the first row and column with a missing value (the default). */
  FAIL,
  /** Leave out every row with a missing value in a used column (feature, target or timestamp). */
  DROP_ROWS,
  /**
   * Fill missing feature values: the mean of a numeric column, the most frequent category of a
   * categorical one, both computed on the training rows and recorded in the schema so validation
   * and serving fill the same way. A missing target or timestamp is still refused.
   */
  IMPUTE
}
