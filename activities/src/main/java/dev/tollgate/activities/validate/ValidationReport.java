package dev.tollgate.activities.validate;

import dev.tollgate.activities.artifacts.AtomicFiles;
import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.activities.artifacts.FileUris;
import dev.tollgate.activities.artifacts.Json;
import dev.tollgate.activities.artifacts.ModelNames;
import dev.tollgate.stages.CheckResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The validation report, written as {@code <reports>/<model>/v<version>/validation.json}. Field
 * names are snake_case and stable: reviewers, the approval message and scripts read this file.
 *
 * @param baselineVersion the Production version compared with, or {@code null}
 */
public record ValidationReport(
    String model,
    int version,
    String runId,
    boolean passed,
    List<CheckResult> checks,
    Map<String, Double> metrics,
    Integer baselineVersion,
    String createdAt) {

  /** Where a report was written and the SHA-256 of its bytes. */
  public record Written(String uri, String digest) {}

  public ValidationReport {
    checks = List.copyOf(checks);
    metrics = Map.copyOf(metrics);
  }

  public Written writeUnder(Path reportsRoot) {
    Path file =
        reportsRoot
            .resolve(ModelNames.check(model))
            .resolve("v" + version)
            .resolve("validation.json");
    byte[] bytes = Json.pretty(this);
    AtomicFiles.write(file, bytes);
    return new Written(FileUris.of(file), Digests.sha256(bytes));
  }
}
