package dev.tollgate.cli.run;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.pipeline.PipelineRequest;
import dev.tollgate.pipeline.PipelineWorkflow;
import dev.tollgate.pipeline.RunOptions;
import dev.tollgate.pipeline.TaskQueues;
import dev.tollgate.pipeline.WorkflowIds;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.CommitLineage;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Starts one pipeline run: shared by {@code run}, {@code demo} and the load benchmark. */
public final class PipelineStarter {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

  private PipelineStarter() {}

  /** A started run: its workflow ID and a typed stub to follow and query it. */
  public record StartedRun(String workflowId, String runId, PipelineWorkflow workflow) {
    /** What people type: {@code <model>/<run-id>}. */
    public String shortName() {
      return workflowId.substring(WorkflowIds.PIPELINE_PREFIX.length());
    }
  }

  /** A fresh run id: UTC timestamp plus a short random suffix, e.g. 20261122-101845-a3f9. */
  public static String newRunId() {
    return STAMP.format(ZonedDateTime.now(ZoneOffset.UTC))
        + "-"
        + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }

  /**
   * Starts the run. A run id already used for this model (running or finished) is refused: run ids
   * name one run for good, in the audit trail and the registry.
   */
  public static StartedRun start(
      WorkflowClient client, PipelineSpec spec, String runId, String triggeredBy, String reason) {
    return start(client, spec, runId, triggeredBy, reason, null);
  }

  /** As {@link #start(WorkflowClient, PipelineSpec, String, String, String)}, at {@code commit}. */
  public static StartedRun start(
      WorkflowClient client,
      PipelineSpec spec,
      String runId,
      String triggeredBy,
      String reason,
      CommitLineage commit) {
    RunOptions options;
    try {
      options = new RunOptions(runId, triggeredBy, reason).withCommit(commit);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(ExitCodes.USAGE, "--run-id: " + e.getMessage());
    }
    String workflowId = WorkflowIds.pipeline(spec.model(), runId);
    PipelineWorkflow workflow =
        client.newWorkflowStub(
            PipelineWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.PIPELINE)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
    try {
      WorkflowClient.start(workflow::run, new PipelineRequest(spec, options));
    } catch (WorkflowExecutionAlreadyStarted e) {
      throw new CliFailure(
          ExitCodes.NOT_DONE,
          "model "
              + spec.model()
              + " already has a run with id '"
              + runId
              + "' ("
              + workflowId
              + "); run ids are never reused. Pick another --run-id, or leave it out"
              + " for a fresh one.");
    }
    return new StartedRun(workflowId, runId, workflow);
  }
}
