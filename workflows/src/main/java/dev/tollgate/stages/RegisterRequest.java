package dev.tollgate.stages;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * A candidate to register: which run produced which artifact, with its metrics and lineage.
 *
 * @param dataSha256 SHA-256 of the training data file; {@code null} in older payloads
 * @param specDigest SHA-256 of the spec the run used; {@code null} in older payloads
 * @param specJson that spec as JSON (SpecJson), for a later rollback; {@code null} in older
 *     payloads
 * @param lineage a training command's lineage ({@link TrainedModel#lineage}); empty otherwise
 * @param reason why the candidate is registered, kept as the version's stage reason: {@link
 *     #PULL_REQUEST} for a pull request's check run; {@code null} otherwise, left out of the JSON
 */
public record RegisterRequest(
    String model,
    String runId,
    String artifactUri,
    String modelDigest,
    Map<String, Double> metrics,
    String dataSha256,
    String specDigest,
    String specJson,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> lineage,
    @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

  /** The stage reason of a candidate a pull request's check run registered. */
  public static final String PULL_REQUEST = "pull_request";

  public RegisterRequest {
    metrics = Map.copyOf(metrics);
    lineage = lineage == null ? Map.of() : Map.copyOf(lineage);
  }

  /** Every field but the reason. */
  public RegisterRequest(
      String model,
      String runId,
      String artifactUri,
      String modelDigest,
      Map<String, Double> metrics,
      String dataSha256,
      String specDigest,
      String specJson,
      Map<String, String> lineage) {
    this(
        model,
        runId,
        artifactUri,
        modelDigest,
        metrics,
        dataSha256,
        specDigest,
        specJson,
        lineage,
        null);
  }

  /** A catalogue model's request: no command lineage. */
  public RegisterRequest(
      String model,
      String runId,
      String artifactUri,
      String modelDigest,
      Map<String, Double> metrics,
      String dataSha256,
      String specDigest,
      String specJson) {
    this(
        model,
        runId,
        artifactUri,
        modelDigest,
        metrics,
        dataSha256,
        specDigest,
        specJson,
        null,
        null);
  }

  /** Without lineage digests (tests, older callers). */
  public RegisterRequest(
      String model,
      String runId,
      String artifactUri,
      String modelDigest,
      Map<String, Double> metrics) {
    this(model, runId, artifactUri, modelDigest, metrics, null, null, null, null, null);
  }
}
