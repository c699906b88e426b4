package dev.tollgate.activities.artifacts;

import dev.tollgate.activities.Failures;
import dev.tollgate.spec.DataSpec;
import smile.regression.DataFrameRegression;

/**
 * Refuses to use a stored model that this worker or this spec cannot use correctly. Smile models
 * are Java-serialized, and another Smile version may read them into subtly different objects or not
 * at all; a model trained on other columns (or the same ones in another order: Smile binds the
 * features by position) would score the wrong inputs and still return numbers. Both are {@code
 * ARTIFACT_MISMATCH}: retrying cannot help, retraining or another worker can.
 */
public final class ModelCompatibility {
  private ModelCompatibility() {}

  /**
   * The Smile version on this worker's class path; every artifact records the one it was made by.
   */
  public static String smileVersion() {
    return DataFrameRegression.class.getPackage().getImplementationVersion();
  }

  /**
   * Checks {@code metadata} of the artifact at {@code uri} against this worker and {@code data}. An
   * artifact that records no Smile version was not made by Smile and is not judged on it.
   */
  public static void check(ModelMetadata metadata, DataSpec data, String uri) {
    String recorded = metadata.smileVersion();
    String running = smileVersion();
    if (recorded != null && !recorded.equals(running)) {
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
    if (!data.target().equals(metadata.target()) || !data.features().equals(metadata.features())) {
      throw Failures.artifactMismatch(
          "model "
              + uri
              + " predicts '"
              + metadata.target()
              + "' from features "
              + metadata.features()
              + ", but the spec has target '"
              + data.target()
              + "' and features "
              + data.features()
              + " (same names in the same order are needed)");
    }
  }
}
