package dev.tollgate.worker.approvals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The approval key, read once at start; a malformed one stops the worker with its reason. */
@Configuration(proxyBeanMethods = false)
public class ApprovalConfig {
  private static final Logger log = LoggerFactory.getLogger(ApprovalConfig.class);

  @Bean
  ApprovalKey approvalKey(@Value("${tollgate.approval.key:}") String key) {
    ApprovalKey parsed = ApprovalKey.parse(key);
    log.info(
        parsed.present()
            ? "approval key: set (decisions from Slack and the mTLS endpoint are vouched for)"
            : "approval key: none (tollgate.approval.key is not set): decisions are claims, and"
                + " specs with approval.require_identity refuse them all");
    return parsed;
  }
}
