package dev.tollgate.registry;

import dev.tollgate.stages.ModelRecord;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.List;

/**
 * A short workflow that reads (or re-aliases) the registry for {@code tollgate models}: one
 * activity on the worker, which holds the database connection. ID {@code registry/<random>}.
 */
@WorkflowInterface
public interface RegistryWorkflow {
  @WorkflowMethod
  List<ModelRecord> run(RegistryRequest request);
}
