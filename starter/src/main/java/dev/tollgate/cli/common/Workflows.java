package dev.tollgate.cli.common;

import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.util.Locale;

/** Messages about workflow executions that several commands print. */
public final class Workflows {
  private Workflows() {}

  public static CliFailure notFound(String workflowId, ConnectionOptions connection) {
    return new CliFailure(
        ExitCodes.NOT_DONE,
        "no run "
            + workflowId
            + " on "
            + connection.address
            + " (namespace "
            + connection.namespace
            + "). Check the model and run id printed by `tollgate run`.");
  }

  /** "terminated", "timed out", ... */
  public static String stateName(WorkflowExecutionStatus state) {
    return state
        .name()
        .replace("WORKFLOW_EXECUTION_STATUS_", "")
        .replace('_', ' ')
        .toLowerCase(Locale.ROOT);
  }
}
