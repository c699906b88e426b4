package dev.tollgate.activities.deploy;

import dev.tollgate.activities.artifacts.AtomicFiles;
import dev.tollgate.activities.artifacts.Json;
import dev.tollgate.stages.ModelVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The content of {@code serving/<model>/current.json}: which version local serving answers with and
 * where its artifact is. Serving reads the artifact from here, so switching versions is one atomic
 * file replacement.
 *
 * @param runId the run that produced the version
 * @param deployedBy the run that deployed it (differs from {@code runId} after a rollback)
 */
public record ServingPointer(
    String model,
    int version,
    String runId,
    String artifactUri,
    String modelDigest,
    String deployedBy,
    String deployedAt) {

  public static ServingPointer of(ModelVersion version, String deployedBy) {
    return new ServingPointer(
        version.model(),
        version.version(),
        version.runId(),
        version.artifactUri(),
        version.modelDigest(),
        deployedBy,
        Instant.now().toString());
  }

  /** Whether this pointer serves exactly {@code version} (same number, same model bytes). */
  public boolean serves(ModelVersion version) {
    return version != null
        && this.version == version.version()
        && modelDigest.equals(version.modelDigest());
  }

  /** The pointer in {@code file}, or {@code null} when there is none. */
  public static ServingPointer read(Path file) {
    return Files.isRegularFile(file) ? Json.read(file, ServingPointer.class) : null;
  }

  public void write(Path file) {
    AtomicFiles.write(file, Json.pretty(this));
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file, e);
    }
  }
}
