package dev.tollgate.activities.models;

/**
 * Loads model files of a format core cannot read itself (ONNX: the {@code tollgate-adapter-onnx}
 * module), so the vendor's runtime stays out of core (docs/adr/0011). An implementation registers
 * itself for {@link java.util.ServiceLoader} in {@code META-INF/services}, which lets every caller
 * of {@link ModelCodec} (validation, serving, the registry) read the format without being wired to
 * the adapter; the worker has it by depending on the adapter module.
 */
public interface ModelRuntime {

  /** The one format this runtime reads. */
  ModelFormat format();

  /**
   * The model in {@code bytes}, checked against {@code contract} and ready to score.
   *
   * @throws IllegalArgumentException when the bytes are not a usable model for the contract; the
   *     message says what is wrong and how to fix the export, never the data
   */
  Predictor load(byte[] bytes, ModelContract contract);
}
