package dev.tollgate.rollback;

import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.RollbackRequest;
import java.util.Objects;

/**
 * The one argument of {@link RollbackWorkflow#run}.
 *
 * @param spec deploy settings and smoke-test data to use; {@code null} = the spec the target
 *     version was built with, as the registry kept it
 */
public record RollbackRun(RollbackRequest rollback, PipelineSpec spec) {
  public RollbackRun {
    Objects.requireNonNull(rollback, "rollback");
  }
}
