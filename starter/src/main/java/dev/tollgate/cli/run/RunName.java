package dev.tollgate.cli.run;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.pipeline.WorkflowIds;

/** The RUN argument people type: a full workflow ID or {@code <model>/<run-id>}. */
public final class RunName {
  private RunName() {}

  /** The workflow ID, or a usage error (exit code 2) saying what a run name looks like. */
  public static String workflowId(String typed) {
    try {
      return WorkflowIds.normalize(typed.trim());
    } catch (IllegalArgumentException e) {
      throw new CliFailure(ExitCodes.USAGE, e.getMessage());
    }
  }
}
