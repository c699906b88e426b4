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
