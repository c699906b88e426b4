package dev.tollgate.guardian;

import dev.tollgate.pipeline.SpecJson;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.Voucher;
import dev.tollgate.spec.PipelineSpec;
import java.util.Objects;
import java.util.Set;

/**
 * A person's (or the worker's specs folder's) request to a guardian, through its {@code control}
 * Update: pause, resume, disable, or a new spec. The guardian has the worker authorise it by the
 * model's approval policy before it acts, and keeps the answer in its action log.
 *
 * @param action {@link PolicyAction#PAUSE}, {@code RESUME}, {@code DISABLE} or {@code SPEC_CHANGE}
 * @param by who asks: a claim unless {@code voucher} vouches for it
 * @param reason why (a pause's reason is shown in the guardian's status)
 * @param spec the new spec, for {@code SPEC_CHANGE} only
 * @param voucher a worker's seal on the name and the request, or {@code null}
 */
public record GuardianControl(
    PolicyAction action, String by, String reason, PipelineSpec spec, Voucher voucher) {
  static final Set<PolicyAction> KINDS =
      Set.of(
          PolicyAction.PAUSE, PolicyAction.RESUME, PolicyAction.DISABLE, PolicyAction.SPEC_CHANGE);

  public GuardianControl {
    Objects.requireNonNull(action, "action");
  }

  public static GuardianControl specChange(PipelineSpec spec, String by, Voucher voucher) {
    return new GuardianControl(PolicyAction.SPEC_CHANGE, by, null, spec, voucher);
  }

  /**
   * What a seal on this request covers besides the action, model and name: the new spec's digest, a
   * pause's reason. The CLI asks the worker to seal exactly this.
   */
  public String detail() {
    return switch (action) {
      case SPEC_CHANGE -> spec == null ? "" : SpecJson.digest(spec);
      case PAUSE -> reason == null ? "" : reason;
      default -> "";
    };
  }
}
