package dev.tollgate.adapters.slack;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failed checks a finished run's event carries in {@code failed_checks}, written by the
 * workflow's {@code FinishedFields} as {@code "name value (threshold); ..."} (value "n/a" when
 * there was none), read back into rows so Slack can show them as a list.
 */
record FailedChecks(List<Check> checks) {
  private static final Pattern ONE = Pattern.compile("(\\S+) (\\S+) \\((.*)\\)");

  /** One failed check; {@code threshold} is the limit in words ("≤ 75"), maybe "null". */
  record Check(String name, String value, String threshold) {}

  static FailedChecks parse(String field) {
    List<Check> checks = new ArrayList<>();
    if (field == null || field.isBlank()) return new FailedChecks(checks);
    for (String part : field.split("; ")) {
      Matcher m = ONE.matcher(part.trim());
      // an entry in another shape is still shown, whole, rather than lost
      checks.add(
          m.matches()
              ? new Check(m.group(1), m.group(2), m.group(3))
              : new Check(part.trim(), "", ""));
    }
    return new FailedChecks(List.copyOf(checks));
  }

  /** "• *rmse* 80.1 (limit ≤ 75)" per check. */
  String bullets() {
    StringBuilder s = new StringBuilder();
    for (Check c : checks) {
      if (!s.isEmpty()) s.append('\n');
      s.append("• ").append(Mrkdwn.bold(c.name()));
      if (!c.value().isEmpty()) s.append(' ').append(Mrkdwn.escape(c.value()));
      if (!c.threshold().isEmpty() && !c.threshold().equals("null")) {
        s.append(" (limit ").append(Mrkdwn.escape(c.threshold())).append(')');
      }
    }
    return s.toString();
  }
}
