package dev.tollgate.pipeline;

import java.util.Objects;

/**
 * How a run came about.
 *
 * @param runId unique per model; part of the workflow ID
 * @param triggeredBy who or what started it (a user name, "schedule", "drift")
 * @param reason free text shown in the audit trail
 */
public record RunOptions(String runId, String triggeredBy, String reason) {
  public RunOptions {
    Objects.requireNonNull(runId, "runId");
    if (!runId.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(
          "run id must be 1-64 of letters, digits, '.', '_' or '-': " + runId);
    }
  }
}
