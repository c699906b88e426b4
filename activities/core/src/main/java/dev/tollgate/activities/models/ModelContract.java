package dev.tollgate.activities.models;

import java.util.List;

/**
 * What Tollgate expects of a model it did not train itself, from the spec and the data: a model
 * runtime checks a model file against it when loading, so that a model whose inputs or outputs do
 * not fit is refused at once, with what and where, instead of scoring garbage later.
 *
 * @param task {@code regression}, {@code classification} or {@code anomaly}
 * @param features the model inputs in order ({@code Dataset.features()}: encoded names)
 * @param classes classification: the class labels in Tollgate's index order; otherwise {@code null}
 */
public record ModelContract(String task, List<String> features, List<String> classes) {

  public ModelContract {
    task = task == null ? "regression" : task;
    features = List.copyOf(features);
    classes = classes == null ? null : List.copyOf(classes);
    if (task.equals("classification") && classes == null) {
      throw new IllegalArgumentException("a classification contract needs the class labels");
    }
  }

  public boolean isClassification() {
    return task.equals("classification");
  }

  public boolean isAnomaly() {
    return task.equals("anomaly");
  }

  /** The number of classes for classification, else 0 (what the in-JVM codecs take). */
  public int classCount() {
    return classes == null ? 0 : classes.size();
  }
}
