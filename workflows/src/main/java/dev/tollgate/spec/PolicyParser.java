package dev.tollgate.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.policy.ApprovalPolicy;
import dev.tollgate.policy.PolicyAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one approval policy file of the worker's policy folder (docs/security.md, "Approval
 * policy"). Strict like the spec parser: every error names the file, the key and what was expected,
 * and an unknown key is refused (a typo must not loosen a production gate).
 */
public final class PolicyParser {
  private static final Pattern ENVIRONMENT = Pattern.compile("[a-z][a-z0-9-]{0,30}");

  private PolicyParser() {}

  public static ApprovalPolicy parse(Path file) {
    byte[] bytes = YamlFiles.read(file);
    return parse(
        new String(bytes, StandardCharsets.UTF_8), file.getFileName().toString(), sha256(bytes));
  }

  /** {@code yaml} as the policy file {@code name} whose bytes have SHA-256 {@code digest}. */
  public static ApprovalPolicy parse(String yaml, String name, String digest) {
    JsonNode root = YamlFiles.mapping(yaml, name, "model, approvers");
    YamlSection top = new YamlSection(name, "", root);
    top.rejectUnknownKeys(
        Set.of(
            "model",
            "environment",
            "approvers",
            "min_approvals",
            "require_identity",
            "timeout_may_approve",
            "min_timeout",
            "actions"));
    String model = top.string("model", true);
    if (!model.equals(ApprovalPolicy.ANY) && !PipelineSpec.MODEL_NAME.matcher(model).matches()) {
      throw top.error("model", "expected a model name or \"*\" (every model), got '" + model + "'");
    }
    String environment = top.string("environment", false);
    if (environment != null && !ENVIRONMENT.matcher(environment).matches()) {
      throw top.error(
          "environment",
          "expected an environment name such as production, got '" + environment + "'");
    }
    List<String> approvers = top.distinctStrings("approvers", true);
    if (approvers.isEmpty()) throw top.error("approvers", "expected at least one name");
    Integer min = top.integer("min_approvals", false);
    int minApprovals = min == null ? 1 : min;
    if (minApprovals < 1 || minApprovals > approvers.size()) {
      throw top.error(
          "min_approvals",
          "expected 1 to the number of approvers (" + approvers.size() + "), got " + minApprovals);
    }
    Boolean identity = top.bool("require_identity");
    Boolean timeoutMayApprove = top.bool("timeout_may_approve");
    Duration minTimeout = top.duration("min_timeout", false);
    return new ApprovalPolicy(
        name,
        digest,
        model,
        environment,
        approvers,
        minApprovals,
        identity != null && identity,
        timeoutMayApprove != null && timeoutMayApprove,
        minTimeout,
        actions(top.section("actions", false)));
  }

  /** {@code actions: {rollback: [..], alias: [..], schedule: [..]}}; an absent key = approvers. */
  private static Map<String, List<String>> actions(YamlSection s) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (s == null) return out;
    s.rejectUnknownKeys(new HashSet<>(PolicyAction.KEYS));
    for (String key : PolicyAction.KEYS) {
      if (s.has(key)) out.put(key, s.distinctStrings(key, true));
    }
    return out;
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
