package dev.tollgate.worker.policy;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tollgate.approval-policy.*}: where the operator's approval policies live.
 *
 * @param dir a folder of policy files (YAML, one model or {@code "*"} each), env {@code
 *     TOLLGATE_APPROVAL_POLICY_DIR}; unset = no policy: every spec decides its own approval, the
 *     runs record the policy {@code default}, and the worker warns at start (docs/security.md)
 */
@ConfigurationProperties("tollgate.approval-policy")
public record ApprovalPolicyProperties(Path dir) {

  /** The folder, or {@code null}: an unset variable binds as the empty path, which means none. */
  public Path folder() {
    return dir == null || dir.toString().isEmpty() ? null : dir;
  }
}
