package dev.tollgate.activities.train;

import dev.tollgate.activities.Failures;
import dev.tollgate.activities.data.DatasetFiles;
import dev.tollgate.activities.objects.S3Location;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The bytes of {@code training.import.uri}: a {@code file:} path (resolved against the spec's
 * folder when the spec was read) under the worker's data roots, or an {@code s3://} object in one
 * of its allowed buckets: the same checks as a dataset's, through {@link DatasetFiles}. Every
 * refusal names the key and the URI.
 */
final class ImportedModels {
  /** Larger than any tabular ONNX model; a byte array cannot hold more than 2 GB anyway. */
  static final long MAX_BYTES = 1L << 30;

  private final DatasetFiles files;

  ImportedModels(DatasetFiles files) {
    this.files = files;
  }

  byte[] read(String uri) {
    try {
      if (files.missingLocal(uri)) throw missing(uri, "no such file on this worker");
    } catch (ApplicationFailure e) {
      throw named(e);
    }
    try (DatasetFiles.Local local = files.open(uri, MAX_BYTES)) {
      if (!Files.isRegularFile(local.path())) {
        throw Failures.invalidData(
            "training.import.uri: " + uri + " does not exist on this worker");
      }
      return Files.readAllBytes(local.path());
    } catch (ApplicationFailure e) {
      if (S3Location.isS3(uri) && e.getOriginalMessage().contains("does not exist")) {
        throw missing(uri, "no such S3 object");
      }
      throw named(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the imported model " + uri, e);
    }
  }

  private static ApplicationFailure missing(String uri, String why) {
    return Failures.invalidData(
        "training.import.uri: the model "
            + uri
            + " does not exist ("
            + why
            + "); export it there first, or correct the URI");
  }

  /** A dataset check's refusal, under the key the spec wrote. */
  private static ApplicationFailure named(ApplicationFailure e) {
    String why = e.getOriginalMessage();
    return ApplicationFailure.newNonRetryableFailure(
        why.startsWith("training.import.uri") ? why : "training.import.uri: " + why, e.getType());
  }
}
