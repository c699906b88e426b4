package dev.tollgate.adapters.slack;

import static dev.tollgate.adapters.slack.SlackBlocks.context;
import static dev.tollgate.adapters.slack.SlackBlocks.fields;
import static dev.tollgate.adapters.slack.SlackBlocks.header;
import static dev.tollgate.adapters.slack.SlackBlocks.text;

import com.slack.api.model.block.LayoutBlock;
import dev.tollgate.stages.PipelineEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a run ended, one message per outcome: what deployed and how it compares with the version it
 * replaced, which checks failed (value and limit), why it rolled back, who rejected it, or why it
 * failed; and the end of a rollback by hand.
 */
final class OutcomeMessages {
  private static final int METRICS_SHOWN = 6;

  private final ReportLinks links;

  OutcomeMessages(ReportLinks links) {
    this.links = links;
  }

  /**
   * @param name the event's {@code notify.on} name: the outcome in the words of the spec
   */
  SlackMessage finished(PipelineEvent e, String name) {
    Map<String, String> f = e.fields();
    List<LayoutBlock> blocks = new ArrayList<>();
    switch (name) {
      case "deployed" -> deployed(e, blocks);
      case "validation_failed" -> validationFailed(e, blocks);
      case "rolled_back" -> {
        blocks.add(header("Rolled back: " + subject(e)));
        blocks.add(text(":leftwards_arrow_with_hook: " + Mrkdwn.bold(subject(e)) + " rolled back"));
        why(f.get("failure"), blocks);
        String previous = f.get("previous_version");
        if (previous != null) blocks.add(text("Production stays " + Mrkdwn.bold("v" + previous)));
      }
      case "rejected" -> {
        blocks.add(text(":no_entry: " + Mrkdwn.bold(subject(e)) + " rejected by " + by(f)));
        why(f.get("decisions"), blocks);
      }
      case "cancelled" -> cancelled(e, blocks);
      case "timed_out" -> {
        blocks.add(
            text(
                ":alarm_clock: "
                    + Mrkdwn.bold(subject(e))
                    + " was not approved in time and does not deploy"));
        why(f.get("decisions"), blocks);
      }
      default -> {
        blocks.add(header("Failed: " + e.model() + " run " + e.runId()));
        blocks.add(text(":boom: " + SlackMessages.fallback(e)));
        why(f.get("failure"), blocks);
      }
    }
    String reports = links.line(f);
    if (!reports.isEmpty()) blocks.add(text(reports));
    blocks.add(context(runFacts(e)));
    return new SlackMessage(SlackMessages.fallback(e), blocks, true);
  }

  /**
   * The end of {@code tollgate rollback}: restored, or the target failed and the old one serves.
   */
  SlackMessage rolledBackByHand(PipelineEvent e) {
    Map<String, String> f = e.fields();
    boolean restored = Boolean.parseBoolean(f.get("restored"));
    String from = "v" + f.getOrDefault("from_version", "?");
    String to = "v" + f.getOrDefault("to_version", "?");
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        text(
            restored
                ? ":leftwards_arrow_with_hook: "
                    + Mrkdwn.bold(e.model())
                    + " rolled back from "
                    + from
                    + " to "
                    + Mrkdwn.bold(to)
                    + " by "
                    + Mrkdwn.escape(f.getOrDefault("by", "?"))
                : ":warning: " + SlackMessages.fallback(e)));
    why(f.get("reason"), blocks);
    blocks.add(SlackMessages.footer(e));
    return new SlackMessage(SlackMessages.fallback(e), blocks, false);
  }

  private void deployed(PipelineEvent e, List<LayoutBlock> blocks) {
    Map<String, String> f = e.fields();
    blocks.add(header("Deployed: " + subject(e)));
    StringBuilder s =
        new StringBuilder(":rocket: ").append(Mrkdwn.bold(subject(e))).append(" is in Production");
    String previous = f.get("previous_version");
    if (previous != null) s.append(", replacing v").append(Mrkdwn.escape(previous));
    String by = f.get("decided_by");
    if (by != null && !by.isBlank()) s.append(". Approved by ").append(Mrkdwn.escape(by));
    s.append('.');
    blocks.add(text(s.toString()));
    List<String> metrics = MetricFields.of(f, METRICS_SHOWN);
    if (!metrics.isEmpty()) blocks.add(fields(metrics));
  }

  /**
   * Who cancelled, at which stage, why, and what the clean-up did (the version that serves again,
   * the archived candidate); a plain cancel sent to Temporal names nobody.
   */
  private void cancelled(PipelineEvent e, List<LayoutBlock> blocks) {
    Map<String, String> f = e.fields();
    blocks.add(header("Cancelled: " + subject(e)));
    String by = f.getOrDefault("cancelled_by", "unknown");
    String during = f.get("cancelled_during");
    blocks.add(
        text(
            ":octagonal_sign: "
                + Mrkdwn.bold(subject(e))
                + " was cancelled "
                + ("unknown".equals(by)
                    ? "through Temporal (no name given)"
                    : "by " + Mrkdwn.escape(by))
                + (during == null
                    ? ""
                    : " while " + Mrkdwn.escape(during.toLowerCase(Locale.ROOT).replace('_', ' ')))
                + " and does not deploy"));
    why(f.get("cancel_reason"), blocks);
    String note = f.get("cancel_note");
    if (note != null && !note.isBlank()) blocks.add(text(Mrkdwn.escape(note)));
    why(f.get("failure"), blocks);
  }

  private void validationFailed(PipelineEvent e, List<LayoutBlock> blocks) {
    Map<String, String> f = e.fields();
    blocks.add(header("Validation failed: " + subject(e)));
    FailedChecks failed = FailedChecks.parse(f.get("failed_checks"));
    blocks.add(
        text(
            ":x: "
                + Mrkdwn.bold(subject(e))
                + " failed "
                + (failed.checks().isEmpty()
                    ? "validation"
                    : failed.checks().size() == 1 ? "1 check" : failed.checks().size() + " checks")
                + " and does not deploy"
                + (failed.checks().isEmpty() ? "" : ":\n" + failed.bullets())));
    List<String> metrics = MetricFields.of(f, METRICS_SHOWN);
    if (!metrics.isEmpty()) blocks.add(fields(metrics));
  }

  /** A reason, quoted, when there is one. */
  private static void why(String reason, List<LayoutBlock> blocks) {
    if (reason != null && !reason.isBlank()) blocks.add(text(Mrkdwn.quote(reason)));
  }

  /** "trigger manual · took 3m 12s · workflow `pipeline/...`". */
  private static String runFacts(PipelineEvent e) {
    Map<String, String> f = e.fields();
    List<String> facts = new ArrayList<>();
    String trigger = f.get("trigger");
    if (trigger != null) facts.add("trigger " + Mrkdwn.escape(trigger));
    long millis = 0;
    for (var entry : f.entrySet()) {
      if (entry.getKey().startsWith("stage_ms.")) {
        try {
          millis += Long.parseLong(entry.getValue());
        } catch (NumberFormatException ignored) {
          // a malformed duration is left out of the total, not fatal to the message
        }
      }
    }
    if (millis > 0) facts.add("took " + took(Duration.ofMillis(millis)));
    String drift = f.get("drift_share");
    if (drift != null) facts.add("drift share " + Mrkdwn.escape(drift));
    facts.add("workflow " + Mrkdwn.code(e.workflowId()));
    return String.join(" · ", facts);
  }

  static String took(Duration d) {
    long s = d.toSeconds();
    if (s < 60) return Math.max(s, 1) + "s";
    if (s < 3600) return (s / 60) + "m " + (s % 60) + "s";
    return (s / 3600) + "h " + (s % 3600 / 60) + "m";
  }

  private static String by(Map<String, String> f) {
    String by = f.get("decided_by");
    return by == null || by.isBlank() ? "an approver" : Mrkdwn.escape(by);
  }

  private static String subject(PipelineEvent e) {
    String v = e.fields().get("version");
    return v == null ? e.model() : e.model() + " v" + v;
  }
}
