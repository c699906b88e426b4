package dev.tollgate.stages;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A trained, stored model: a reference to its artifact, never the bytes.
 *
 * @param artifactUri where the model and its metadata JSON live (a folder URI)
 * @param modelDigest SHA-256 of the serialized model
 * @param dataDigest SHA-256 of the training file
 * @param metrics holdout metrics by name (mae, rmse, r2, ...)
 * @param lineage a training command's or import's lineage for the registry ({@code command}, {@code
 *     code_version}, {@code requirements_sha256}, {@code import_uri}, {@code train_log}); empty for
 *     a catalogue algorithm (and then left out of the payload)
 */
public record TrainedModel(
    String artifactUri,
    String modelDigest,
    String dataDigest,
    int trainRows,
    int holdoutRows,
    Map<String, Double> metrics,
    long trainMillis,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> lineage) {

  public TrainedModel {
    metrics = Map.copyOf(metrics);
    lineage = lineage == null ? Map.of() : Map.copyOf(lineage);
  }

  /** A catalogue model: no command lineage. */
  public TrainedModel(
      String artifactUri,
      String modelDigest,
      String dataDigest,
      int trainRows,
      int holdoutRows,
      Map<String, Double> metrics,
      long trainMillis) {
    this(artifactUri, modelDigest, dataDigest, trainRows, holdoutRows, metrics, trainMillis, null);
  }
}
