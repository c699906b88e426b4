package dev.tollgate.activities.validate;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tollgate.activities.artifacts.ArtifactStore;
import dev.tollgate.activities.artifacts.ModelNames;
import dev.tollgate.activities.files.Json;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.CommitLineage;
import dev.tollgate.stages.DataInspection;
import java.util.List;
import java.util.Map;

/**
 * The validation report, written as {@code reports/<model>/v<version>/validation.json} in the
 * artifact store. Field names are snake_case and stable: reviewers, the approval message and
 * scripts read this file.
 *
 * @param baselineVersion the Production version compared with, or {@code null}
 * @param baselineMetrics the Production model's metrics on the same holdout, or {@code null} when
 *     it was not scored
 * @param drift the drift check's per-feature statistics, or {@code null} when it did not run
 * @param trigger what started the run ("drift by guardian: ..."), or {@code null}
 * @param triggerEvidence the guardian's data check behind a drift or volume trigger, or {@code
 *     null}
 * @param holdout how many rows (per class, for classification) the metrics were scored on
 * @param commit the commit the run was started from ({@code run --git}); left out when none
 */
public record ValidationReport(
    String model,
    int version,
    String runId,
    boolean passed,
    List<CheckResult> checks,
    Map<String, Double> metrics,
    Integer baselineVersion,
    Map<String, Double> baselineMetrics,
    String createdAt,
    DriftDetails drift,
    String trigger,
    DataInspection triggerEvidence,
    HoldoutCounts holdout,
    @JsonInclude(JsonInclude.Include.NON_NULL) CommitLineage commit) {

  /** Where a report was written, the SHA-256 of its bytes, and the bytes (for copies elsewhere). */
  public record Written(String uri, String digest, byte[] bytes) {}

  public ValidationReport {
    checks = List.copyOf(checks);
    metrics = Map.copyOf(metrics);
    baselineMetrics = baselineMetrics == null ? null : Map.copyOf(baselineMetrics);
  }

  public Written writeTo(ArtifactStore store) {
    String key = "reports/" + ModelNames.check(model) + "/v" + version + "/validation.json";
    byte[] bytes = Json.pretty(this);
    ArtifactStore.Written written = store.put(key, bytes);
    return new Written(written.uri(), written.sha256(), bytes);
  }
}
