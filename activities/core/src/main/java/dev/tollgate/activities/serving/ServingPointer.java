package dev.tollgate.activities.serving;

import dev.tollgate.activities.files.AtomicFiles;
import dev.tollgate.activities.files.Json;
import dev.tollgate.stages.DeployAuthority;
import dev.tollgate.stages.ModelVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The content of {@code serving/<model>/current.json}: which version local serving answers with and
 * where its artifact is. Serving reads the artifact from here, so switching versions is one atomic
 * file replacement.
 *
 * @param runId the run that produced the version
 * @param deployedBy the run that deployed it (differs from {@code runId} after a rollback): a run
 *     id, whatever the name says (kept, so pointers of every version read alike)
 * @param canary a newer version answering {@code percent} of the requests while it bakes, or {@code
 *     null} (also in pointers written before canaries existed)
 * @param approvedBy whose approvals let it into service; empty after a rollback, and in pointers
 *     written before it was kept
 * @param rolledBackBy who rolled back to it ({@code tollgate rollback}), else {@code null}
 * @param reason the reason they gave, else {@code null}
 */
public record ServingPointer(
    String model,
    int version,
    String runId,
    String artifactUri,
    String modelDigest,
    String deployedBy,
    String deployedAt,
    Canary canary,
    List<String> approvedBy,
    String rolledBackBy,
    String reason) {

  public ServingPointer {
    approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
  }

  /** The version on trial, its share of the traffic (1 – 99 %) and whose approvals let it in. */
  public record Canary(
      int version,
      String runId,
      String artifactUri,
      String modelDigest,
      int percent,
      List<String> approvedBy) {
    public Canary {
      approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
    }

    static Canary of(ModelVersion v, int percent, DeployAuthority authority) {
      return new Canary(
          v.version(),
          v.runId(),
          v.artifactUri(),
          v.modelDigest(),
          percent,
          authority == null ? List.of() : authority.approvedBy());
    }

    public boolean serves(ModelVersion v) {
      return v != null && version == v.version() && modelDigest.equals(v.modelDigest());
    }
  }

  /**
   * Served under {@code servedAs} (the model's name, or {@code model.staging} for staging),
   * deployed by the run {@code deployedBy} on the word of {@code authority} ({@code null}: not
   * known).
   */
  public static ServingPointer of(
      ModelVersion version, String deployedBy, String servedAs, DeployAuthority authority) {
    DeployAuthority a = authority == null ? new DeployAuthority(null, null, null) : authority;
    return new ServingPointer(
        servedAs,
        version.version(),
        version.runId(),
        version.artifactUri(),
        version.modelDigest(),
        deployedBy,
        Instant.now().toString(),
        null,
        a.approvedBy(),
        a.rolledBackBy(),
        a.reason());
  }

  /** This pointer with no canary. */
  public ServingPointer withoutCanary() {
    return withCanary(null);
  }

  /**
   * This pointer with {@code candidate} answering {@code percent} of the requests beside it, let in
   * by {@code authority}.
   */
  public ServingPointer withCanary(ModelVersion candidate, int percent, DeployAuthority authority) {
    return withCanary(Canary.of(candidate, percent, authority));
  }

  private ServingPointer withCanary(Canary c) {
    return new ServingPointer(
        model,
        version,
        runId,
        artifactUri,
        modelDigest,
        deployedBy,
        deployedAt,
        c,
        approvedBy,
        rolledBackBy,
        reason);
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

  public static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file, e);
    }
  }
}
