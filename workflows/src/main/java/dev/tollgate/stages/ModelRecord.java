package dev.tollgate.stages;

import java.util.List;
import java.util.Map;

/** One model as the registry holds it, for {@code tollgate models show}. */
public record ModelRecord(
    String model, List<Version> versions, Map<String, Integer> aliases, List<Transition> audit) {

  public ModelRecord {
    versions = List.copyOf(versions);
    aliases = Map.copyOf(aliases);
    audit = List.copyOf(audit);
  }

  /**
   * A version with its lineage; {@code lineage} holds a training command's ({@code command}, {@code
   * code_version}, {@code requirements_sha256}, {@code import_uri}, {@code train_log}), empty for a
   * catalogue model.
   */
  public record Version(
      int version,
      RegistryStage stage,
      String stageReason,
      String runId,
      String artifactUri,
      String modelDigest,
      String dataSha256,
      String specDigest,
      Map<String, Double> metrics,
      String registeredAt,
      @com.fasterxml.jackson.annotation.JsonInclude(
              com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
          Map<String, String> lineage) {
    public Version {
      metrics = Map.copyOf(metrics);
      lineage = lineage == null ? Map.of() : Map.copyOf(lineage);
    }

    /** Without a command's lineage. */
    public Version(
        int version,
        RegistryStage stage,
        String stageReason,
        String runId,
        String artifactUri,
        String modelDigest,
        String dataSha256,
        String specDigest,
        Map<String, Double> metrics,
        String registeredAt) {
      this(
          version,
          stage,
          stageReason,
          runId,
          artifactUri,
          modelDigest,
          dataSha256,
          specDigest,
          metrics,
          registeredAt,
          null);
    }
  }

  /** One row of the audit trail. */
  public record Transition(
      int version,
      RegistryStage from,
      RegistryStage to,
      String actor,
      String reason,
      String runId,
      String at) {}
}
