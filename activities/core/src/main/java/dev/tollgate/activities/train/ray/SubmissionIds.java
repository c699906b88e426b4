package dev.tollgate.activities.train.ray;

import dev.tollgate.activities.artifacts.Digests;
import java.nio.charset.StandardCharsets;

/**
 * A Ray job's submission id: {@code tollgate-<model>-<runId>-<execution>-<attempt>}, where {@code
 * execution} is the first 8 hex digits of the Temporal workflow execution's run id (two executions
 * with the same model and run id — two namespaces sharing a cluster, a run id used again — never
 * meet each other's jobs, which Ray keeps until its head stops), of {@code [A-Za-z0-9_-]} only
 * (anything else becomes {@code _}) and at most {@value #MAX} characters (a longer one keeps its
 * start and end and a hash of the whole in the middle, so two long ids stay apart). The attempt is
 * the one that submitted: a retried attempt that follows its predecessor's job keeps that id.
 */
public final class SubmissionIds {
  public static final int MAX = 100;

  private SubmissionIds() {}

  /** Without an execution (outside a workflow: tests). */
  public static String of(String model, String runId, int attempt) {
    return of(model, runId, null, attempt);
  }

  /**
   * @param execution the workflow execution's run id, or {@code null} for none
   */
  public static String of(String model, String runId, String execution, int attempt) {
    String raw = "tollgate-" + model + "-" + runId + tag(execution) + "-" + attempt;
    String clean = raw.replaceAll("[^A-Za-z0-9_-]", "_");
    if (clean.length() <= MAX) return clean;
    String hash = Digests.sha256(raw.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    String tail = "-" + attempt;
    int head = MAX - hash.length() - 2 - tail.length();
    return clean.substring(0, head) + "-" + hash + "-" + tail.substring(1);
  }

  /** {@code -<first 8 hex digits>} of the execution's run id, or nothing without one. */
  private static String tag(String execution) {
    if (execution == null || execution.isBlank()) return "";
    String hex = execution.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    return "-" + (hex.length() > 8 ? hex.substring(0, 8) : hex);
  }
}
