package dev.tollgate.adapters.slack;

import static dev.tollgate.adapters.slack.SlackBlocks.context;
import static dev.tollgate.adapters.slack.SlackBlocks.fields;
import static dev.tollgate.adapters.slack.SlackBlocks.header;
import static dev.tollgate.adapters.slack.SlackBlocks.text;

import com.slack.api.model.block.LayoutBlock;
import dev.tollgate.pipeline.Figures;
import dev.tollgate.stages.CancelSummary;
import dev.tollgate.stages.RollbackFinished;
import dev.tollgate.stages.RunComparison;
import dev.tollgate.stages.RunFinished;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
  SlackMessage finished(RunFinished e, String name) {
    List<LayoutBlock> blocks = new ArrayList<>();
    switch (name) {
      case "deployed" -> deployed(e, blocks);
      case "validation_failed" -> validationFailed(e, blocks);
      case "validated" -> {
        blocks.add(header("Validated: " + subject(e)));
        blocks.add(
            text(
                ":white_check_mark: "
                    + Mrkdwn.bold(subject(e))
                    + " passed validation against Production: a pull request's check, it"
                    + " does not deploy"));
        List<String> metrics = MetricFields.of(e, METRICS_SHOWN);
        if (!metrics.isEmpty()) blocks.add(fields(metrics));
      }
      case "rolled_back" -> {
        blocks.add(header("Rolled back: " + subject(e)));
        blocks.add(text(":leftwards_arrow_with_hook: " + Mrkdwn.bold(subject(e)) + " rolled back"));
        why(e.failure(), blocks);
        Integer previous = previousVersion(e);
        if (previous != null) blocks.add(text("Production stays " + Mrkdwn.bold("v" + previous)));
      }
      case "rejected" -> {
        blocks.add(text(":no_entry: " + Mrkdwn.bold(subject(e)) + " rejected by " + by(e)));
        why(e.decisions(), blocks);
      }
      case "cancelled" -> cancelled(e, blocks);
      case "timed_out" -> {
        blocks.add(
            text(
                ":alarm_clock: "
                    + Mrkdwn.bold(subject(e))
                    + " was not approved in time and does not deploy"));
        why(e.decisions(), blocks);
      }
      default -> {
        blocks.add(header("Failed: " + e.model() + " run " + e.runId()));
        blocks.add(text(":boom: " + SlackMessages.fallback(e)));
        why(e.failure(), blocks);
      }
    }
    String reports = links.line(e.htmlReportUri(), e.reportUri());
    if (!reports.isEmpty()) blocks.add(text(reports));
    if (e.commit() != null) blocks.add(SlackMessages.commit(e.commit()));
    blocks.add(context(runFacts(e)));
    return new SlackMessage(SlackMessages.fallback(e), blocks, true);
  }

  /**
   * The end of {@code tollgate rollback}: restored, or the target failed and the old one serves.
   */
  SlackMessage rolledBackByHand(RollbackFinished e) {
    boolean restored = e.restored();
    String from = "v" + e.fromVersion();
    String to = "v" + e.toVersion();
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
                    + Mrkdwn.escape(e.by() == null ? "?" : e.by())
                : ":warning: " + SlackMessages.fallback(e)));
    why(e.reason(), blocks);
    blocks.add(SlackMessages.footer(e));
    return new SlackMessage(SlackMessages.fallback(e), blocks, false);
  }

  private void deployed(RunFinished e, List<LayoutBlock> blocks) {
    blocks.add(header("Deployed: " + subject(e)));
    StringBuilder s =
        new StringBuilder(":rocket: ").append(Mrkdwn.bold(subject(e))).append(" is in Production");
    Integer previous = previousVersion(e);
    if (previous != null) s.append(", replacing v").append(previous);
    String by = e.decidedBy();
    if (by != null && !by.isBlank()) s.append(". Approved by ").append(Mrkdwn.escape(by));
    s.append('.');
    blocks.add(text(s.toString()));
    List<String> metrics = MetricFields.of(e, METRICS_SHOWN);
    if (!metrics.isEmpty()) blocks.add(fields(metrics));
  }

  /**
   * Who cancelled, at which stage, why, and what the clean-up did (the version that serves again,
   * the archived candidate); a plain cancel sent to Temporal names nobody.
   */
  private void cancelled(RunFinished e, List<LayoutBlock> blocks) {
    CancelSummary c = e.cancellation();
    blocks.add(header("Cancelled: " + subject(e)));
    String by = c == null || c.by() == null ? "unknown" : c.by();
    String during = c == null ? null : c.during();
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
    why(c == null ? null : c.reason(), blocks);
    String note = c == null ? null : c.note();
    if (note != null && !note.isBlank()) blocks.add(text(Mrkdwn.escape(note)));
    why(e.failure(), blocks);
  }

  private void validationFailed(RunFinished e, List<LayoutBlock> blocks) {
    blocks.add(header("Validation failed: " + subject(e)));
    FailedChecks failed =
        FailedChecks.of(e.comparison() == null ? List.of() : e.comparison().failedChecks());
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
    List<String> metrics = MetricFields.of(e, METRICS_SHOWN);
    if (!metrics.isEmpty()) blocks.add(fields(metrics));
  }

  /** A reason, quoted, when there is one. */
  private static void why(String reason, List<LayoutBlock> blocks) {
    if (reason != null && !reason.isBlank()) blocks.add(text(Mrkdwn.quote(reason)));
  }

  /** "trigger manual · took 3m 12s · workflow `pipeline/...`". */
  private static String runFacts(RunFinished e) {
    List<String> facts = new ArrayList<>();
    if (e.trigger() != null) facts.add("trigger " + Mrkdwn.escape(e.trigger()));
    RunComparison c = e.comparison();
    Duration total = Duration.ZERO;
    if (c != null) total = c.stageTimes().values().stream().reduce(total, Duration::plus);
    if (total.toMillis() > 0) facts.add("took " + took(total));
    if (c != null && c.driftShare() != null) {
      facts.add("drift share " + Mrkdwn.escape(Figures.number(c.driftShare())));
    }
    facts.add("workflow " + Mrkdwn.code(e.workflowId()));
    return String.join(" · ", facts);
  }

  static String took(Duration d) {
    long s = d.toSeconds();
    if (s < 60) return Math.max(s, 1) + "s";
    if (s < 3600) return (s / 60) + "m " + (s % 60) + "s";
    return (s / 3600) + "h " + (s % 3600 / 60) + "m";
  }

  private static String by(RunFinished e) {
    String by = e.decidedBy();
    return by == null || by.isBlank() ? "an approver" : Mrkdwn.escape(by);
  }

  /** "energy-load v3", or the model alone when the run failed before a version. */
  private static String subject(RunFinished e) {
    return e.version() == null ? e.model() : e.model() + " v" + e.version();
  }

  private static Integer previousVersion(RunFinished e) {
    return e.comparison() == null ? null : e.comparison().previousVersion();
  }
}
