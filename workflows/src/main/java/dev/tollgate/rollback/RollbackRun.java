package dev.tollgate.rollback;

import dev.tollgate.policy.Voucher;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.RollbackRequest;
import java.util.Objects;

/**
 * The one argument of {@link RollbackWorkflow#run}.
 *
 * @param spec deploy settings and smoke-test data to use; {@code null} = the spec the target
 *     version was built with, as the registry kept it
 * @param voucher a worker's seal on {@code rollback.by()} ({@code --via URL --identity FILE}), or
 *     {@code null}: the name is then a claim
 */
public record RollbackRun(RollbackRequest rollback, PipelineSpec spec, Voucher voucher) {
  public RollbackRun {
    Objects.requireNonNull(rollback, "rollback");
  }

  /** A claimed name. */
  public RollbackRun(RollbackRequest rollback, PipelineSpec spec) {
    this(rollback, spec, null);
  }

  /** What a seal on it covers besides the action, model and name: the target and the run. */
  public static String detail(RollbackRequest r) {
    return "to=" + (r.toVersion() == null ? "previous" : "v" + r.toVersion()) + " run=" + r.runId();
  }
}
