package dev.tollgate.cli.run;

import dev.tollgate.cli.common.Show;
import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.cli.common.Workflows;
import dev.tollgate.pipeline.WorkflowIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import java.util.Optional;

/**
 * A run's state as the server has it now, in a few words: a guardian's memory of its run in flight
 * may be older than that (no worker ran its task since the run ended), so {@code schedule status}
 * asks the server rather than trusting it.
 */
public final class RunOnServer {
  private RunOnServer() {}

  /**
   * "running: energy-load v3: awaiting approval", "ended 2026-12-06 18:59:40 UTC (1m 15s ago):
   * DEPLOYED energy-load v3 …", "terminated 2026-… UTC (…)" or "not on the server".
   */
  public static String describe(TemporalConnection temporal, String model, String runId, long now) {
    String id = WorkflowIds.pipeline(model, runId);
    WorkflowExecutionDescription d;
    try {
      d =
          temporal
              .client()
              .newUntypedWorkflowStub(id, Optional.empty(), Optional.empty())
              .describe();
    } catch (WorkflowNotFoundException e) {
      return "not on the server";
    }
    if (d.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return "running: " + RunsCommand.summary(d);
    }
    String when =
        d.getCloseTime() == null
            ? ""
            : " "
                + Show.time(d.getCloseTime().toEpochMilli())
                + " "
                + Show.relative(d.getCloseTime().toEpochMilli(), now);
    return d.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED
        ? "ended" + when + ": " + RunsCommand.summary(d)
        : Workflows.stateName(d.getStatus()) + when;
  }
}
