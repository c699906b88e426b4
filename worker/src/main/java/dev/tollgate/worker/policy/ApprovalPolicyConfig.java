package dev.tollgate.worker.policy;

import dev.tollgate.policy.ApprovalPolicy;
import dev.tollgate.worker.approvals.ApprovalKey;
import dev.tollgate.worker.config.TollgateProperties;
import dev.tollgate.worker.guardian.GuardianSpecsFolder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The approval policy folder, checked at start (a broken policy file stops the worker, naming it),
 * and the activity the workflows read it through.
 */
@Configuration(proxyBeanMethods = false)
public class ApprovalPolicyConfig {
  private static final Logger log = LoggerFactory.getLogger(ApprovalPolicyConfig.class);

  @Bean
  PolicyFolder policyFolder(ApprovalPolicyProperties properties) {
    PolicyFolder folder = new PolicyFolder(properties.folder());
    if (!folder.configured()) {
      log.warn(
          "no approval policy (tollgate.approval-policy.dir / TOLLGATE_APPROVAL_POLICY_DIR is not"
              + " set): each spec decides who approves its runs, and any name may roll back, move"
              + " aliases and control guardians; runs record the policy 'default'");
      return folder;
    }
    List<ApprovalPolicy> policies = folder.load();
    log.info(
        "approval policies from {}: {}",
        folder.dir(),
        policies.stream().map(p -> p.label() + " for " + p.model()).toList());
    return folder;
  }

  @Bean
  PolicyActivitiesImpl policyActivities(
      PolicyFolder folder, ApprovalKey key, TollgateProperties properties) {
    return new PolicyActivitiesImpl(
        folder,
        key.seal(),
        (model, digest) ->
            GuardianSpecsFolder.holds(properties.guardian().specsDir(), model, digest));
  }
}
