package dev.tollgate.activities.artifacts;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tollgate.activities.data.DataSchema;
import dev.tollgate.activities.data.FeatureStats;
import dev.tollgate.activities.data.QuantileBins;
import java.util.List;
import java.util.Map;

/**
 * What a model artifact's {@code metadata.json} says: everything needed to reproduce the model
 * (data digest, algorithm, resolved params, seed, holdout, library versions) and to judge new data
 * against it (the reference bins of each feature on its training part).
 *
 * @param params every hyperparameter the model was trained with, defaults included: a number, or
 *     the chosen name for a choice such as {@code grow_policy}
 * @param modelSha256 the digest of {@code model.bin}, also the artifact folder's name
 * @param referenceBins per feature, the quantile bins of the training part (drift reference)
 * @param task regression, classification or anomaly ({@code null} in older artifacts: regression)
 * @param modelFile the model file's name in the artifact folder ({@code model.bin}, {@code
 *     model.ubj}); {@code null} in older artifacts, which all used {@code model.bin}
 * @param modelFormat how the model file is encoded ({@code java-serialized}, {@code xgboost-ubj})
 * @param classes classification only: the class names, in the index order the model predicts
 * @param xgboostVersion the XGBoost4J version for XGBoost models, else {@code null}
 * @param loadSummary what loading the training data did ({@code LoadReport.summary()}: rows read,
 *     dropped, imputed); {@code null} in older artifacts
 * @param schema how the spec's features became the model's inputs ({@code features} holds those
 *     inputs): new data is encoded with it before the model scores it; {@code null} in artifacts
 *     made before schemas were recorded, whose features were all numeric inputs
 * @param tollgateVersion the Tollgate version that trained the model; {@code null} in older
 *     artifacts
 * @param reportedMetrics a training command's own {@code metrics.json} (issue 24), kept beside the
 *     metrics Tollgate measured; empty for a model Tollgate trained
 * @param lineage a training command's or import's lineage: {@code command}, {@code code_version},
 *     {@code requirements_sha256}, {@code import_uri}, {@code train_log}; empty otherwise
 * @param referenceStats per model input, count, mean, standard deviation, min and max over the
 *     training part (beside {@code referenceBins}, its histogram); empty in older artifacts
 */
public record ModelMetadata(
    String model,
    String algorithm,
    Map<String, Object> params,
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
    Map<String, QuantileBins> referenceBins,
    String task,
    String modelFile,
    String modelFormat,
    List<String> classes,
    String xgboostVersion,
    String loadSummary,
    DataSchema schema,
    String tollgateVersion,
    Map<String, FeatureStats> referenceStats,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Double> reportedMetrics,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> lineage) {

  public ModelMetadata {
    reportedMetrics = reportedMetrics == null ? Map.of() : Map.copyOf(reportedMetrics);
    lineage = lineage == null ? Map.of() : Map.copyOf(lineage);
    params = params == null ? Map.of() : Map.copyOf(params);
    features = features == null ? List.of() : List.copyOf(features);
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    referenceBins = referenceBins == null ? Map.of() : Map.copyOf(referenceBins);
    referenceStats = referenceStats == null ? Map.of() : Map.copyOf(referenceStats);
    classes = classes == null ? null : List.copyOf(classes);
  }

  /**
   * The schema to encode data for this model with: the recorded one, or for older artifacts every
   * feature numeric under its own name.
   */
  public DataSchema schemaOrNumeric() {
    return schema != null ? schema : DataSchema.numeric(features);
  }

  /** The number of classes a classifier predicts; 0 for other tasks. */
  public int classCount() {
    return classes == null ? 0 : classes.size();
  }

  /** The same metadata, naming the model file, its format and its digest once it is known. */
  public ModelMetadata withModelFile(String file, String format, String digest) {
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
        referenceBins,
        task,
        file,
        format,
        classes,
        xgboostVersion,
        loadSummary,
        schema,
        tollgateVersion,
        referenceStats,
        reportedMetrics,
        lineage);
  }
}
