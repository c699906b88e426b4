package dev.tollgate.rollback;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * A rollback by hand ({@code tollgate rollback MODEL}): ID {@code rollback/<model>}, one at a time
 * per model. The same saga as the pipeline's: deploy the target, smoke-test it, and only then move
 * the registry (with its audit rows); a failed smoke test restores what served before.
 */
@WorkflowInterface
public interface RollbackWorkflow {
  @WorkflowMethod
  RollbackResult run(RollbackRun request);

  /** "planning", "deploying v2", "smoke-testing v2", "moving the registry", "done". */
  @QueryMethod
  String step();
}
