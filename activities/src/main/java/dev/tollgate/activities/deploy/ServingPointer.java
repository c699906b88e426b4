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
 * @param canary a newer version answering {@code percent} of the requests while it bakes, or {@code
 *     null} (also in pointers written before canaries existed)
 */
public record ServingPointer(
    String model,
    int version,
    String runId,
    String artifactUri,
    String modelDigest,
    String deployedBy,
    String deployedAt,
    Canary canary) {

  /** The version on trial and its share of the traffic (1 – 99 %). */
  public record Canary(
      int version, String runId, String artifactUri, String modelDigest, int percent) {
    static Canary of(ModelVersion v, int percent) {
      return new Canary(v.version(), v.runId(), v.artifactUri(), v.modelDigest(), percent);
    }

    public boolean serves(ModelVersion v) {
      return v != null && version == v.version() && modelDigest.equals(v.modelDigest());
    }
  }

  public static ServingPointer of(ModelVersion version, String deployedBy) {
    return of(version, deployedBy, version.model());
  }

  /** Served under {@code servedAs}: the model's name, or {@code model.staging} for staging. */
  public static ServingPointer of(ModelVersion version, String deployedBy, String servedAs) {
    return new ServingPointer(
        servedAs,
        version.version(),
        version.runId(),
        version.artifactUri(),
        version.modelDigest(),
        deployedBy,
        Instant.now().toString(),
        null);
  }

  /** This pointer with no canary. */
  public ServingPointer withoutCanary() {
    return new ServingPointer(
        model, version, runId, artifactUri, modelDigest, deployedBy, deployedAt, null);
  }

  /** This pointer with {@code candidate} answering {@code percent} of the requests beside it. */
  public ServingPointer withCanary(ModelVersion candidate, int percent) {
    return new ServingPointer(
        model,
        version,
        runId,
        artifactUri,
        modelDigest,
        deployedBy,
        deployedAt,
        Canary.of(candidate, percent));
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
