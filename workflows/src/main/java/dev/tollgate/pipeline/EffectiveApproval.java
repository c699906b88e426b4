package dev.tollgate.pipeline;

import dev.tollgate.policy.ApprovalPolicy;
import dev.tollgate.policy.PolicyApplied;
import dev.tollgate.policy.PolicyRefusal;
import dev.tollgate.spec.ApprovalSpec;
import dev.tollgate.spec.Durations;
import dev.tollgate.spec.PipelineSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A spec's approval section held to the worker's policy: what the run's gate and its {@code decide}
 * validator use. Refused where raising would change whom the spec asks or what a silence means (an
 * approver the policy does not list, {@code on_timeout: approve} it forbids), raised where the spec
 * merely asks for less (fewer approvals, no identity, a shorter wait). Pure: the workflow computes
 * it from the policy its activity recorded, so replay computes the same.
 */
public record EffectiveApproval(ApprovalSpec approval, PolicyApplied policy) {

  /**
   * @throws PolicyRefusal naming the spec's key, what the policy allows and the policy file
   */
  public static EffectiveApproval of(PipelineSpec spec, ApprovalPolicy policy) {
    ApprovalSpec a = spec.approval();
    String model = spec.model();
    if (policy.approvers() != null) {
      for (String name : a.approvers()) {
        if (!policy.approvers().contains(name)) {
          throw refusal(spec, "approval.approvers", notAllowed(name, model, policy), policy);
        }
      }
      for (ApprovalSpec.Escalation e : a.escalate()) {
        for (String name : e.to()) {
          if (!policy.approvers().contains(name)) {
            throw refusal(spec, "approval.escalate.to", notAllowed(name, model, policy), policy);
          }
        }
      }
    }
    if (a.onTimeout() == ApprovalSpec.TimeoutAction.APPROVE && !policy.timeoutMayApprove()) {
      throw refusal(
          spec,
          "approval.on_timeout",
          "approve is not allowed for "
              + model
              + ": no timeout may approve a deployment (timeout_may_approve: false); use"
              + " on_timeout: reject",
          policy);
    }
    List<String> raised = new ArrayList<>();
    int min = a.minApprovals();
    if (min < policy.minApprovals()) {
      if (a.approvers().size() < policy.minApprovals()) {
        throw refusal(
            spec,
            "approval.min_approvals",
            model
                + " needs "
                + policy.minApprovals()
                + " approvals, and the spec lists only "
                + a.approvers().size()
                + " approver(s)",
            policy);
      }
      raised.add("min_approvals " + min + " -> " + policy.minApprovals());
      min = policy.minApprovals();
    }
    boolean identity = a.requireIdentity();
    if (!identity && policy.requireIdentity()) {
      raised.add("require_identity false -> true");
      identity = true;
    }
    Duration timeout = a.timeout();
    if (policy.minTimeout() != null && timeout.compareTo(policy.minTimeout()) < 0) {
      raised.add(
          "timeout " + Durations.format(timeout) + " -> " + Durations.format(policy.minTimeout()));
      timeout = policy.minTimeout();
    }
    ApprovalSpec effective =
        new ApprovalSpec(
            a.approvers(), min, timeout, a.reminders(), a.onTimeout(), a.escalate(), identity);
    return new EffectiveApproval(effective, policy.applied(raised));
  }

  private static String notAllowed(String name, String model, ApprovalPolicy policy) {
    return "'"
        + name
        + "' may not approve "
        + model
        + "; the policy's approvers: "
        + String.join(", ", policy.approvers());
  }

  private static PolicyRefusal refusal(
      PipelineSpec spec, String key, String problem, ApprovalPolicy policy) {
    return new PolicyRefusal(spec.source(), key, problem, policy);
  }
}
