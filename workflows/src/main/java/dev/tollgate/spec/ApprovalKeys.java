package dev.tollgate.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code approval}: who approves, how many must, how long the gate waits, when it reminds and
 * to whom it escalates.
 */
final class ApprovalKeys {
  private ApprovalKeys() {}

  static ApprovalSpec read(YamlSection s) {
    s.rejectUnknownKeys(
        Set.of(
            "approvers",
            "min_approvals",
            "timeout",
            "reminders",
            "on_timeout",
            "escalate",
            "require_identity"));
    List<String> approvers = s.distinctStrings("approvers", true);
    Integer min = s.integer("min_approvals", false);
    Duration timeout = s.duration("timeout", false);
    List<Duration> reminders = s.durations("reminders");
    ApprovalSpec.TimeoutAction onTimeout =
        SpecValues.enumValue(
            s, "on_timeout", ApprovalSpec.TimeoutAction.class, ApprovalSpec.TimeoutAction.REJECT);
    Duration effectiveTimeout = timeout == null ? Duration.ofHours(72) : timeout;
    int minApprovals = min == null ? 1 : min;
    if (approvers.isEmpty()) throw s.error("approvers", "expected at least one approver's name");
    if (minApprovals < 1 || minApprovals > approvers.size()) {
      throw s.error(
          "min_approvals",
          "expected 1 to the number of approvers (" + approvers.size() + "), got " + minApprovals);
    }
    for (int i = 0; i < reminders.size(); i++) {
      if (reminders.get(i).compareTo(effectiveTimeout) >= 0) {
        throw new SpecException(
            s.file(),
            s.key("reminders") + "[" + i + "]",
            "expected a reminder sooner than the timeout ("
                + Durations.format(effectiveTimeout)
                + "), got "
                + Durations.format(reminders.get(i)));
      }
    }
    List<ApprovalSpec.Escalation> escalate = escalations(s, approvers, effectiveTimeout);
    Boolean requireIdentity = s.bool("require_identity");
    return SpecValues.build(
        s,
        "approvers",
        () ->
            new ApprovalSpec(
                approvers,
                minApprovals,
                effectiveTimeout,
                reminders,
                onTimeout,
                escalate,
                Boolean.TRUE.equals(requireIdentity)));
  }

  /** {@code approval.escalate: [{after: 24h, to: [carol]}]}: sooner than the timeout, new names. */
  private static List<ApprovalSpec.Escalation> escalations(
      YamlSection s, List<String> approvers, Duration timeout) {
    if (!s.has("escalate")) return List.of();
    JsonNode list = s.raw("escalate");
    if (!list.isArray())
      throw s.error("escalate", "expected a list such as [{after: 24h, to: [carol]}]");
    List<ApprovalSpec.Escalation> out = new ArrayList<>();
    List<String> named = new ArrayList<>(approvers);
    for (int i = 0; i < list.size(); i++) {
      String key = "escalate[" + i + "]";
      if (!list.get(i).isObject())
        throw s.error(key, "expected a mapping such as {after: 24h, to: [carol]}");
      YamlSection e = new YamlSection(s.file(), s.key(key), list.get(i));
      e.rejectUnknownKeys(Set.of("after", "to"));
      Duration after = e.duration("after", true);
      if (after.compareTo(timeout) >= 0) {
        throw e.error(
            "after",
            "expected sooner than the timeout ("
                + Durations.format(timeout)
                + "), got "
                + Durations.format(after));
      }
      List<String> to = e.distinctStrings("to", true);
      if (to.isEmpty()) throw e.error("to", "expected at least one name");
      for (int j = 0; j < to.size(); j++) {
        if (named.contains(to.get(j))) {
          throw new SpecException(
              s.file(), e.key("to") + "[" + j + "]", "'" + to.get(j) + "' is an approver already");
        }
        named.add(to.get(j));
      }
      out.add(new ApprovalSpec.Escalation(after, to));
    }
    return out;
  }
}
