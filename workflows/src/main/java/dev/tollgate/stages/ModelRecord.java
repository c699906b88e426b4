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

  /** A version with its lineage. */
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
      String registeredAt) {
    public Version {
      metrics = Map.copyOf(metrics);
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
