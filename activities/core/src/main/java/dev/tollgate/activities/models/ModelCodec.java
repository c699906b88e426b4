package dev.tollgate.activities.models;

import smile.regression.DataFrameRegression;

/** Turns a model file's bytes back into a {@link Predictor}, whichever format wrote them. */
public final class ModelCodec {
  private ModelCodec() {}

  /**
   * @param classes the number of classes for classification, else 0
   * @throws IllegalArgumentException when the bytes are not a model of that format
   */
  public static Predictor decode(ModelFormat format, byte[] bytes, int classes) {
    return switch (format) {
      case XGBOOST_UBJ -> XgboostModel.read(bytes, classes);
      case JAVA_SERIALIZED -> smile(JavaSerial.read(bytes), classes);
      case ONNX ->
          throw new IllegalArgumentException(
              "an ONNX model needs its contract (features, task, classes) to be loaded");
    };
  }

  /** As {@link #decode(ModelFormat, byte[], int)}, with the worker's installed runtimes. */
  public static Predictor decode(ModelFormat format, byte[] bytes, ModelContract contract) {
    return decode(format, bytes, contract, ModelRuntimes.installed());
  }

  /**
   * The in-JVM formats are decoded here; the others by their {@link ModelRuntime}, which checks the
   * model against {@code contract}.
   */
  public static Predictor decode(
      ModelFormat format, byte[] bytes, ModelContract contract, ModelRuntimes runtimes) {
    return switch (format) {
      case XGBOOST_UBJ, JAVA_SERIALIZED -> decode(format, bytes, contract.classCount());
      case ONNX -> runtimes.require(format).load(bytes, contract);
    };
  }

  private static Predictor smile(Object model, int classes) {
    return switch (model) {
      case DataFrameRegression regression -> new SmileRegressor(regression);
      case IsolationForestModel anomaly -> anomaly;
      default -> new SmileClassifier(model, classes);
    };
  }
}
