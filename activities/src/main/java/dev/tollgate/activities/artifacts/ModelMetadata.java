package dev.tollgate.activities.artifacts;

import dev.tollgate.activities.data.QuantileBins;
import java.util.List;
import java.util.Map;

/**
 * What a model artifact's {@code metadata.json} says: everything needed to reproduce the model
 * (data digest, algorithm, resolved params, seed, holdout, library versions) and to judge new data
 * against it (the reference bins of each feature on its training part).
 *
 * @param modelSha256 the digest of {@code model.bin}, also the artifact folder's name
 * @param referenceBins per feature, the quantile bins of the training part (drift reference)
 */
public record ModelMetadata(
    String model,
    String algorithm,
    Map<String, Double> params,
    List<String> features,
    String target,
    Map<String, Double> metrics,
    String dataSha256,
    int trainRows,
    int holdoutRows,
    long seed,
    double holdout,
    String smileVersion,
    String javaVersion,
    String trainedAt,
    String modelSha256,
    Map<String, QuantileBins> referenceBins) {

  public ModelMetadata {
    params = params == null ? Map.of() : Map.copyOf(params);
    features = features == null ? List.of() : List.copyOf(features);
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    referenceBins = referenceBins == null ? Map.of() : Map.copyOf(referenceBins);
  }

  /** The same metadata, naming the model file's digest once it is known. */
  public ModelMetadata withModelSha256(String digest) {
    return new ModelMetadata(
        model,
        algorithm,
        params,
        features,
        target,
        metrics,
        dataSha256,
        trainRows,
        holdoutRows,
        seed,
        holdout,
        smileVersion,
        javaVersion,
        trainedAt,
        digest,
        referenceBins);
  }
}
