package dev.tollgate.worker.policy;

import dev.tollgate.actions.ActionRules;
import dev.tollgate.activities.Echo;
import dev.tollgate.pipeline.DecisionSeal;
import dev.tollgate.pipeline.FailureTypes;
import dev.tollgate.policy.ActionRequest;
import dev.tollgate.policy.ActionVerdict;
import dev.tollgate.policy.ApprovalPolicy;
import dev.tollgate.policy.PolicyAction;
import dev.tollgate.policy.PolicyActivities;
import dev.tollgate.policy.PolicyQuery;
import dev.tollgate.spec.SpecException;
import io.temporal.failure.ApplicationFailure;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's side of {@link PolicyActivities}: the policy folder, the approval key that checks
 * sealed requests, and the guardian specs folder a spec change may come from. Every authorisation,
 * allowed or refused, is one line of the {@code tollgate.audit} log.
 */
public class PolicyActivitiesImpl implements PolicyActivities {
  private static final Logger audit = LoggerFactory.getLogger("tollgate.audit");

  private final PolicyFolder folder;
  private final DecisionSeal key;
  private final BiPredicate<String, String> inSpecsFolder;

  /**
   * @param key the approval key's seal, or {@code null} (sealed requests are then refused)
   * @param inSpecsFolder whether a spec of that model with that digest is in the worker's guardian
   *     specs folder
   */
  public PolicyActivitiesImpl(
      PolicyFolder folder, DecisionSeal key, BiPredicate<String, String> inSpecsFolder) {
    this.folder = folder;
    this.key = key;
    this.inSpecsFolder = inSpecsFolder;
  }

  @Override
  public ApprovalPolicy approvalPolicy(PolicyQuery query) {
    try {
      return folder.lookup(query.model(), query.environment());
    } catch (IllegalArgumentException | SpecException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), FailureTypes.POLICY_REFUSED);
    }
  }

  @Override
  public ActionVerdict authorize(ActionRequest r) {
    ActionVerdict verdict = decide(r);
    String line = "{} {} of {} by {} via {} ({}): {}";
    Object[] args = {
      verdict.allowed() ? "ALLOWED" : "REFUSED",
      r.action().value(),
      printable(r.model()),
      printable(r.by()),
      printable(verdict.via()),
      printable(r.detail()),
      Echo.capped(verdict.note(), 1_000)
    };
    if (verdict.allowed()) audit.info(line, args);
    else audit.warn(line, args);
    return verdict;
  }

  private ActionVerdict decide(ActionRequest r) {
    if (r.action() == PolicyAction.SPEC_CHANGE && inSpecsFolder.test(r.model(), r.detail())) {
      return ActionVerdict.allow(
          "specs-dir", "the spec is the one in the worker's specs folder", "specs-dir");
    }
    ApprovalPolicy policy;
    try {
      policy = folder.lookup(r.model(), null);
    } catch (IllegalArgumentException | SpecException e) {
      return ActionVerdict.refuse(r.via(), e.getMessage(), "none");
    }
    return ActionRules.verdict(policy, r, key);
  }

  /**
   * Names, details, the voucher's channel and the reasons that quote them come from whoever sent
   * the request: no control characters into the audit log (a line break would forge a line), and no
   * more than a line's worth. The reason is cleaned alike where it is logged.
   */
  private static String printable(String s) {
    return s == null ? "" : Echo.capped(s, 120);
  }
}
