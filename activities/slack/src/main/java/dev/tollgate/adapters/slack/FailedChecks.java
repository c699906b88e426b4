package dev.tollgate.adapters.slack;

import dev.tollgate.pipeline.Figures;
import dev.tollgate.stages.CheckResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The failed checks of a finished run, as rows Slack shows as a list: name, value as the reports
 * show it ("n/a" when there was none) and threshold.
 */
record FailedChecks(List<Check> checks) {

  /** One failed check; {@code threshold} is the limit in words ("≤ 75"), maybe "null". */
  record Check(String name, String value, String threshold) {}

  static FailedChecks of(List<CheckResult> failed) {
    List<Check> checks = new ArrayList<>();
    for (CheckResult c : failed) {
      String value = c.value() == null ? "n/a" : Figures.number(c.value());
      checks.add(new Check(c.name(), value, String.valueOf(c.threshold())));
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
