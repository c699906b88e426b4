package dev.tollgate.activities.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the spec's features become the model's numeric inputs, fitted on the training rows and stored
 * in the model metadata: validation, serving and drift checks encode new data from this record
 * alone, so a model always sees the columns it was trained on. A categorical feature is one-hot
 * encoded (one 0/1 input per category, named {@code region=north}, categories sorted): it works for
 * every trainer, XGBoost included, and an unseen category simply encodes as all zeros.
 *
 * @param features in spec order; their encoded inputs follow the same order
 */
public record DataSchema(List<Feature> features) {

  /** Whether a feature holds numbers or categories. */
  public enum Type {
    NUMERIC,
    CATEGORICAL
  }

  /**
   * One feature of the spec.
   *
   * @param categories the categories seen in the training rows, sorted; empty for a number
   * @param mean the training rows' mean of a number, filling its missing values under {@code
   *     impute}; {@code null} for a category
   * @param mode the training rows' most frequent category (ties: the first in order), filling its
   *     missing values under {@code impute}; {@code null} for a number
   */
  public record Feature(String name, Type type, List<String> categories, Double mean, String mode) {
    public Feature {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      categories = categories == null ? List.of() : List.copyOf(categories);
      if (type == Type.CATEGORICAL && categories.isEmpty()) {
        throw new IllegalArgumentException("categorical feature " + name + " has no categories");
      }
    }

    /** The names of the model inputs this feature becomes. */
    public List<String> inputs() {
      return type == Type.NUMERIC
          ? List.of(name)
          : categories.stream().map(c -> name + "=" + c).toList();
    }
  }

  public DataSchema {
    features = List.copyOf(features);
  }

  /** Numeric features with no recorded statistics: the schema of a dataset built by hand. */
  public static DataSchema numeric(List<String> names) {
    return new DataSchema(
        names.stream().map(n -> new Feature(n, Type.NUMERIC, List.of(), null, null)).toList());
  }

  /** Every model input, in order: what {@link Dataset#features()} holds. */
  public List<String> inputs() {
    List<String> inputs = new ArrayList<>();
    features.forEach(f -> inputs.addAll(f.inputs()));
    return inputs;
  }

  /** The spec's feature names, before encoding. */
  public List<String> names() {
    return features.stream().map(Feature::name).toList();
  }

  /** The categorical features' names. */
  public List<String> categorical() {
    return features.stream().filter(f -> f.type() == Type.CATEGORICAL).map(Feature::name).toList();
  }
}
