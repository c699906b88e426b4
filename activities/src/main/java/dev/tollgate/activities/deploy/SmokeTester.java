package dev.tollgate.activities.deploy;

import dev.tollgate.activities.artifacts.ModelMetadata;
import dev.tollgate.activities.artifacts.ModelStore;
import dev.tollgate.activities.data.CsvLoader;
import dev.tollgate.activities.data.Dataset;
import dev.tollgate.spec.Task;
import dev.tollgate.stages.Deployment;
import dev.tollgate.stages.SmokeTestResult;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks a deployment the way serving will use it: follows {@code current.json} to the artifact,
 * verifies the model file against its digest, loads it and scores the first rows of the dataset,
 * encoded with the model's recorded schema. Every problem becomes a failed result with the reason,
 * never an exception: the workflow decides what a failed smoke test means (usually a rollback).
 */
final class SmokeTester {
  static final int ROWS = 20;

  private final CsvLoader loader;
  private final ModelStore models;

  SmokeTester(CsvLoader loader, ModelStore models) {
    this.loader = loader;
    this.models = models;
  }

  SmokeTestResult test(Deployment deployment) {
    try {
      ServingPointer pointer = ServingPointer.read(Path.of(deployment.location()));
      if (pointer == null) {
        return failed(0, deployment.location() + " does not exist: nothing is being served");
      }
      if (!pointer.serves(deployment.version())) {
        return failed(
            0,
            deployment.location()
                + " serves v"
                + pointer.version()
                + ", expected "
                + deployment.version().label());
      }
      ModelStore.Loaded loaded =
          models.load(pointer.artifactUri(), pointer.modelDigest(), deployment.data());
      // Encoded as serving will: with the deployed model's own schema (categories, fill values).
      ModelMetadata metadata = loaded.metadata();
      Dataset data =
          loader.loadWithSchema(deployment.data(), task(metadata), metadata.schemaOrNumeric());
      int[] rows = data.firstRows(ROWS);
      if (rows.length == 0) {
        return failed(0, data.source() + " has no rows to score");
      }
      double[] predicted = loaded.model().predict(data, rows).values();
      for (int i = 0; i < predicted.length; i++) {
        if (!Double.isFinite(predicted[i])) {
          return failed(
              predicted.length,
              "prediction for " + data.source() + " data row " + (i + 1) + " is " + predicted[i]);
        }
      }
      return new SmokeTestResult(
          true,
          predicted.length,
          deployment.version().label()
              + " scored "
              + predicted.length
              + " rows of "
              + data.source()
              + ", all finite"
              + (data.report().unseen().isEmpty()
                  ? ""
                  : " (categories unknown to the model: " + data.report().unseen() + ")"));
    } catch (ApplicationFailure e) {
      return failed(0, e.getOriginalMessage());
    } catch (RuntimeException e) {
      return failed(0, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** The task the model was trained for; artifacts that predate the field are regression. */
  private static Task task(ModelMetadata metadata) {
    return metadata.task() == null
        ? Task.REGRESSION
        : Task.valueOf(metadata.task().toUpperCase(Locale.ROOT));
  }

  private static SmokeTestResult failed(int rows, String message) {
    return new SmokeTestResult(false, rows, message);
  }
}
