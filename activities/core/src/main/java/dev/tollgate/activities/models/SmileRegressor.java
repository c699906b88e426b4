package dev.tollgate.activities.models;

import dev.tollgate.activities.data.Dataset;
import dev.tollgate.activities.data.Frames;
import smile.regression.DataFrameRegression;

/** A Smile regression model (gradient boosting, random forest, OLS, ridge, lasso). */
public record SmileRegressor(DataFrameRegression model) implements Predictor {

  @Override
  public Predictions predict(Dataset data, int[] rows) {
    return new Predictions(model.predict(Frames.of(data, rows)), null);
  }

  @Override
  public ModelFormat format() {
    return ModelFormat.JAVA_SERIALIZED;
  }

  @Override
  public byte[] bytes() {
    return JavaSerial.write(model);
  }
}
