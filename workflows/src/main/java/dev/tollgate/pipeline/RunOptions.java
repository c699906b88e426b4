package dev.tollgate.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tollgate.stages.CommitLineage;
import dev.tollgate.stages.DataInspection;
import java.util.Objects;

/**
 * How a run came about.
 *
 * @param runId unique per model; part of the workflow ID. {@link #FROM_WORKFLOW_ID} (a native
 *     Temporal Schedule, which appends the fire time to the workflow ID) takes it from the ID
 * @param triggeredBy who or what started it (a user name, "schedule", "drift")
 * @param reason free text shown in the audit trail
 * @param trigger what kind of trigger; {@code null} in older payloads means {@link Trigger#MANUAL}
 * @param evidence the guardian's data check behind a drift or volume trigger, else {@code null}
 * @param commit the commit the run was started from ({@code run --git}, a repository trigger), else
 *     {@code null}: left out of the JSON, so runs without one carry the payloads they always did
 */
public record RunOptions(
    String runId,
    String triggeredBy,
    String reason,
    Trigger trigger,
    DataInspection evidence,
    @JsonInclude(JsonInclude.Include.NON_NULL) CommitLineage commit) {

  /** The run id of scheduled starts, whose workflow IDs differ by the fire time Temporal adds. */
  public static final String FROM_WORKFLOW_ID = "from-workflow-id";

  public RunOptions {
    Objects.requireNonNull(runId, "runId");
    if (!runId.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(
          "run id must be 1-64 of letters, digits, '.', '_' or '-': " + runId);
    }
  }

  /** A run without a commit. */
  public RunOptions(
      String runId, String triggeredBy, String reason, Trigger trigger, DataInspection evidence) {
    this(runId, triggeredBy, reason, trigger, evidence, null);
  }

  /** A person's run. */
  public RunOptions(String runId, String triggeredBy, String reason) {
    this(runId, triggeredBy, reason, Trigger.MANUAL, null);
  }

  /** This run's options with {@code commit} as its lineage. */
  public RunOptions withCommit(CommitLineage commit) {
    return new RunOptions(runId, triggeredBy, reason, trigger, evidence, commit);
  }

  public Trigger triggerOrManual() {
    return trigger == null ? Trigger.MANUAL : trigger;
  }

  /**
   * The run id of a run whose workflow ID is {@code workflowId}: this one, or for {@link
   * #FROM_WORKFLOW_ID} the ID's last part with anything but letters, digits, '.', '_' and '-' made
   * a '-' ("sched-2026-12-02T02:00:00Z" becomes "sched-2026-12-02T02-00-00Z").
   */
  public String resolveRunId(String workflowId) {
    if (!runId.equals(FROM_WORKFLOW_ID)) return runId;
    String last = workflowId.substring(workflowId.lastIndexOf('/') + 1);
    String plain = last.replaceAll("[^A-Za-z0-9._-]", "-");
    return plain.length() <= 64 ? plain : plain.substring(plain.length() - 64);
  }
}
