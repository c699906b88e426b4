package dev.tollgate.stages;

import java.util.Map;

/** One registered version of a model. */
public record ModelVersion(
    String model,
    int version,
    String runId,
    String artifactUri,
    String modelDigest,
    Map<String, Double> metrics) {

  public ModelVersion {
    metrics = Map.copyOf(metrics);
  }

  /** "energy-load v3". */
  public String label() {
    return model + " v" + version;
  }
}
