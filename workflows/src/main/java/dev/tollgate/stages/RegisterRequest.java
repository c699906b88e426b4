package dev.tollgate.stages;

import java.util.Map;

/** A candidate to register: which run produced which artifact, with its metrics. */
public record RegisterRequest(
    String model,
    String runId,
    String artifactUri,
    String modelDigest,
    Map<String, Double> metrics) {

  public RegisterRequest {
    metrics = Map.copyOf(metrics);
  }
}
