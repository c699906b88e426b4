package dev.tollgate.activities.models;

/**
 * A model loaded fine but answered something no metric or caller can use (NaN, a score outside its
 * scale). Thrown by {@link Predictor#predict}; it is the model's fault, not the request's or the
 * moment's, so validation fails without retry and serving answers 422 instead of 500.
 */
public final class UnusablePredictions extends IllegalStateException {
  public UnusablePredictions(String message) {
    super(message);
  }
}
