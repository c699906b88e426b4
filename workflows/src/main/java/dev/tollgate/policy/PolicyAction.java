package dev.tollgate.policy;

import java.util.Locale;

/**
 * The production actions besides approving that an approval policy authorises: who may do each is
 * the policy's {@code actions.<key>} list (its approvers when the list is absent).
 */
public enum PolicyAction {
  ROLLBACK("rollback", "roll back"),
  ALIAS("alias", "move an alias of"),
  PAUSE("schedule", "pause the guardian of"),
  RESUME("schedule", "resume the guardian of"),
  DISABLE("schedule", "disable the guardian of"),
  TRIGGER("schedule", "trigger a run of"),
  SPEC_CHANGE("schedule", "change the guardian spec of"),
  /** {@code tollgate cancel}: stop a pipeline run of the model before its outcome. */
  CANCEL("cancel", "cancel a run of");

  /** The policy file's key under {@code actions}. */
  public static final java.util.List<String> KEYS =
      java.util.List.of("rollback", "alias", "schedule", "cancel");

  private final String policyKey;
  private final String verb;

  PolicyAction(String policyKey, String verb) {
    this.policyKey = policyKey;
    this.verb = verb;
  }

  public String policyKey() {
    return policyKey;
  }

  /** "roll back", for "mallory may not roll back energy-load". */
  public String verb() {
    return verb;
  }

  /** "rollback", "spec_change": the name in audit lines and the guardian's action log. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
