package dev.tollgate.activities.deploy;

import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.DatasetLoader;
import dev.tollgate.activities.serving.ServingAnswer;
import dev.tollgate.activities.serving.ServingClient;
import dev.tollgate.activities.serving.ServingError;
import dev.tollgate.pipeline.Figures;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.ModelVersion;
import dev.tollgate.stages.SmokeTestResult;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;

/**
 * Checks a deployment the way its clients will use it, through serving's own API ({@link
 * ServingClient}: HTTP in the worker): the health check, the version the model serves (waited for:
 * {@link ServingWait}), then a prediction for the first complete rows of the dataset, sent as JSON
 * and answered by the deployed version with finite values. Every problem becomes a failed result
 * with the reason, never an exception: the workflow decides what a failed smoke test means (usually
 * a rollback).
 */
final class SmokeTester {
  static final int ROWS = 20;

  private final DatasetLoader loader;
  private final ModelStore models;
  private final java.time.Duration wait;

  SmokeTester(DatasetLoader loader, ModelStore models) {
    this(loader, models, ServingWait.DEFAULT);
  }

  /** {@code wait}: how long serving may take to load the deployed version ({@link ServingWait}). */
  SmokeTester(DatasetLoader loader, ModelStore models, java.time.Duration wait) {
    this.loader = loader;
    this.models = models;
    this.wait = wait;
  }

  /** Tests {@code deployment} through {@code client}, the serving API where it serves. */
  SmokeTestResult test(Deployment deployment, ServingClient client) {
    ModelVersion v = deployment.version();
    try {
      String unhealthy = client.unhealthy();
      if (unhealthy != null) return failed(0, unhealthy);
      String name = deployment.servedAs();
      String notServing = ServingWait.awaitVersion(client, name, v.version(), wait);
      if (notServing != null) return failed(0, notServing);
      ModelMetadata metadata = models.metadata(v.artifactUri());
      List<Map<String, Object>> rows =
          loader.sample(deployment.data(), metadata.schemaOrNumeric(), ROWS);
      if (rows.isEmpty())
        return failed(0, deployment.data().train() + " has no complete rows to score");
      ServingAnswer answer = client.predict(name, rows, v.version());
      if (answer.version() != v.version()) {
        return failed(0, "answered by v" + answer.version() + ", expected " + v.label());
      }
      for (int i = 0; i < answer.predictions().size(); i++) {
        Object p = answer.predictions().get(i);
        if (p == null || (p instanceof Double d && !Double.isFinite(d))) {
          return failed(rows.size(), "prediction for data row " + (i + 1) + " is " + p);
        }
      }
      return new SmokeTestResult(
          true,
          rows.size(),
          v.label()
              + " answered "
              + Figures.count(rows.size(), "row")
              + " over its serving API, all finite");
    } catch (ServingError e) {
      return failed(0, "serving answered " + e.status() + ": " + e.getMessage());
    } catch (ApplicationFailure e) {
      return failed(0, e.getOriginalMessage());
    } catch (RuntimeException e) {
      return failed(0, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static SmokeTestResult failed(int rows, String message) {
    return new SmokeTestResult(false, rows, message);
  }
}
