package dev.tollgate.stages;

import java.util.Map;

/**
 * A candidate to register: which run produced which artifact, with its metrics and lineage.
 *
 * @param dataSha256 SHA-256 of the training data file; {@code null} in older payloads
 * @param specDigest SHA-256 of the spec the run used; {@code null} in older payloads
 * @param specJson that spec as JSON (SpecJson), for a later rollback; {@code null} in older
 *     payloads
 */
public record RegisterRequest(
    String model,
    String runId,
    String artifactUri,
    String modelDigest,
    Map<String, Double> metrics,
    String dataSha256,
    String specDigest,
    String specJson) {

  public RegisterRequest {
    metrics = Map.copyOf(metrics);
  }

  /** Without lineage digests (tests, older callers). */
  public RegisterRequest(
      String model,
      String runId,
      String artifactUri,
      String modelDigest,
      Map<String, Double> metrics) {
    this(model, runId, artifactUri, modelDigest, metrics, null, null, null);
  }
}
