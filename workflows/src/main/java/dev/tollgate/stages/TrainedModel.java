package dev.tollgate.stages;

import java.util.Map;

/**
 * A trained, stored model: a reference to its artifact, never the bytes.
 *
 * @param artifactUri where the model and its metadata JSON live (a folder URI)
 * @param modelDigest SHA-256 of the serialized model
 * @param dataDigest SHA-256 of the training file
 * @param metrics holdout metrics by name (mae, rmse, r2, ...)
 */
public record TrainedModel(
    String artifactUri,
    String modelDigest,
    String dataDigest,
    int trainRows,
    int holdoutRows,
    Map<String, Double> metrics,
    long trainMillis) {

  public TrainedModel {
    metrics = Map.copyOf(metrics);
  }
}
