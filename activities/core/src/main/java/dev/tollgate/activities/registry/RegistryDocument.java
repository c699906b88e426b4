package dev.tollgate.activities.registry;

import dev.tollgate.stages.ModelVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One model's registry file: every version ever registered and the history of promotions.
 * Immutable; changes return a new document that {@link RegistryStore} writes whole.
 */
public record RegistryDocument(String model, List<Entry> versions, List<Promotion> promotions) {

  /** Where a version stands. Only one version of a model is PRODUCTION at a time. */
  public enum Stage {
    CANDIDATE,
    PRODUCTION,
    ARCHIVED
  }

  /** A registered version. */
  public record Entry(
      int version,
      String runId,
      String artifactUri,
      String modelDigest,
      Map<String, Double> metrics,
      String registeredAt,
      Stage stage) {

    public Entry {
      metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    Entry withStage(Stage newStage) {
      return new Entry(version, runId, artifactUri, modelDigest, metrics, registeredAt, newStage);
    }

    ModelVersion toModelVersion(String model) {
      return new ModelVersion(model, version, runId, artifactUri, modelDigest, metrics);
    }
  }

  /** Who put which version into Production, replacing which. */
  public record Promotion(
      int version, String runId, String approvedBy, Integer previousVersion, String promotedAt) {}

  public RegistryDocument {
    versions = versions == null ? List.of() : List.copyOf(versions);
    promotions = promotions == null ? List.of() : List.copyOf(promotions);
  }

  static RegistryDocument empty(String model) {
    return new RegistryDocument(model, List.of(), List.of());
  }

  Optional<Entry> byRun(String runId) {
    return versions.stream().filter(e -> e.runId().equals(runId)).findFirst();
  }

  Optional<Entry> byVersion(int version) {
    return versions.stream().filter(e -> e.version() == version).findFirst();
  }

  Optional<Entry> production() {
    return versions.stream().filter(e -> e.stage() == Stage.PRODUCTION).findFirst();
  }

  int nextVersion() {
    return versions.stream().mapToInt(Entry::version).max().orElse(0) + 1;
  }

  RegistryDocument withVersion(Entry entry) {
    List<Entry> all = new ArrayList<>(versions);
    all.add(entry);
    return new RegistryDocument(model, all, promotions);
  }

  /**
   * {@code version} becomes PRODUCTION, the one before it ARCHIVED, and the promotion is logged.
   */
  RegistryDocument promoted(int version, Promotion promotion) {
    List<Entry> all =
        versions.stream()
            .map(
                e ->
                    e.version() == version
                        ? e.withStage(Stage.PRODUCTION)
                        : e.stage() == Stage.PRODUCTION ? e.withStage(Stage.ARCHIVED) : e)
            .toList();
    List<Promotion> history = new ArrayList<>(promotions);
    history.add(promotion);
    return new RegistryDocument(model, all, history);
  }
}
