package dev.tollgate.spec;

import java.util.List;
import java.util.Objects;

/**
 * Where a run is tracked beyond Tollgate's own registry: today an MLflow tracking server. Tracking
 * never decides a run's fate on its own: a server that cannot be reached is a warning.
 *
 * @param mlflow the MLflow server and experiment, or {@code null} when not tracked there
 */
public record TrackingSpec(Mlflow mlflow) {

  /**
   * An MLflow tracking server, reached over its REST API.
   *
   * @param uri the server's http:// or https:// address, e.g. {@code http://mlflow:5000}
   * @param experiment the experiment each run is logged to (created when missing)
   * @param registeredModel the name in MLflow's model registry; the spec's model name by default
   * @param champion a gate against the metrics of the run that holds MLflow's {@code champion}
   *     alias, or {@code null}
   */
  public record Mlflow(String uri, String experiment, String registeredModel, Champion champion) {
    public Mlflow {
      Objects.requireNonNull(uri, "uri");
      if (!uri.startsWith("http://") && !uri.startsWith("https://")) {
        throw new IllegalArgumentException(
            "expected the server's http:// or https:// address, got '" + uri + "'");
      }
      uri = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
      if (experiment == null || experiment.isBlank()) {
        throw new IllegalArgumentException("expected an experiment name");
      }
      Objects.requireNonNull(registeredModel, "registeredModel");
    }
  }

  /**
   * The candidate must not be worse than MLflow's champion on each metric by more than the relative
   * {@code tolerance} (the rule of {@code validation.baseline}).
   */
  public record Champion(List<String> metrics, double tolerance) {
    public Champion {
      metrics = List.copyOf(metrics);
      if (metrics.isEmpty()) throw new IllegalArgumentException("expected at least one metric");
      if (!(tolerance >= 0 && tolerance <= 1)) {
        throw new IllegalArgumentException("tolerance must lie in [0, 1], got " + tolerance);
      }
    }
  }
}
