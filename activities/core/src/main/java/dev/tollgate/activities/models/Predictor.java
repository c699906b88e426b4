package dev.tollgate.activities.models;

import dev.tollgate.activities.data.Dataset;

/**
 * A trained model, whatever library made it: it scores rows of a {@link Dataset} and gives the
 * bytes of its model file. The bytes must be a pure function of the model (no timestamps, no
 * identity hashes) because their SHA-256 names the artifact.
 *
 * <p>A predictor may hold native resources (an ONNX Runtime session), so whoever loaded it closes
 * it when done; the in-JVM models have nothing to release and keep the no-op default.
 */
public interface Predictor extends AutoCloseable {

  /** The model's answers for {@code rows} of {@code data}, which has the training columns. */
  Predictions predict(Dataset data, int[] rows);

  /** How {@link #bytes()} are encoded, which names the model file. */
  ModelFormat format();

  /** The model file's content. */
  byte[] bytes();

  /** Releases what the model holds outside the Java heap; safe to call twice. */
  @Override
  default void close() {}
}
