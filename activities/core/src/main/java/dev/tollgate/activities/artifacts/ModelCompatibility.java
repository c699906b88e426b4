package dev.tollgate.activities.artifacts;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.models.ModelFormat;
import dev.tollgate.spec.DataSpec;
import java.util.List;
import smile.regression.DataFrameRegression;

/**
 * Refuses to use a stored model that this worker or this spec cannot use correctly. Smile models
 * (and Tollgate's isolation forest) are Java-serialized, and another Smile version may read them
 * into subtly different objects or not at all; XGBoost's UBJ files are portable across versions and
 * bindings, so their recorded Smile version is not judged. A model trained on other columns (or the
 * same ones in another order: models bind their inputs by position) would score the wrong inputs
 * and still return numbers. Both are {@code ARTIFACT_MISMATCH}: retrying cannot help, retraining or
 * another worker can.
 */
public final class ModelCompatibility {
  private ModelCompatibility() {}

  /**
   * The Smile version on this worker's class path; every artifact records the one it was made by.
   */
  public static String smileVersion() {
    return DataFrameRegression.class.getPackage().getImplementationVersion();
  }

  /** Both checks: {@link #checkLibraries} and {@link #checkColumns}. */
  public static void check(ModelMetadata metadata, DataSpec data, String uri) {
    checkLibraries(metadata, uri);
    checkColumns(metadata, data, uri);
  }

  /**
   * The Smile version, judged for Java-serialized models only and only when one is recorded: an
   * unknown format is not refused here, decoding the model names it.
   */
  public static void checkLibraries(ModelMetadata metadata, String uri) {
    String recorded = metadata.smileVersion();
    String running = smileVersion();
    String format = metadata.modelFormat();
    boolean serialized = format == null || ModelFormat.JAVA_SERIALIZED.id().equals(format);
    if (serialized && recorded != null && !recorded.equals(running)) {
      throw Failures.artifactMismatch(
          "model "
              + uri
              + " was trained with Smile "
              + recorded
              + " but this worker runs Smile "
              + running
              + ": retrain it, or load it on a worker with Smile "
              + recorded);
    }
  }

  /**
   * The spec's target and features against the model's. The features are compared with the recorded
   * schema's feature names (before encoding: the metadata's {@code features} hold the encoded
   * inputs such as {@code region=north}); an artifact without a schema had numeric features only,
   * named as its inputs.
   */
  public static void checkColumns(ModelMetadata metadata, DataSpec data, String uri) {
    List<String> features = featureNames(metadata);
    if (!data.target().equals(metadata.target()) || !data.features().equals(features)) {
      throw Failures.artifactMismatch(
          "model "
              + uri
              + " predicts '"
              + metadata.target()
              + "' from features "
              + features
              + ", but the spec has target '"
              + data.target()
              + "' and features "
              + data.features()
              + " (same names in the same order are needed)");
    }
  }

  /** The spec feature names a model was trained on, before encoding. */
  public static List<String> featureNames(ModelMetadata metadata) {
    return metadata.schemaOrNumeric().names();
  }
}
