package dev.tollgate.adapters.slack;

import static dev.tollgate.adapters.slack.SlackBlocks.context;
import static dev.tollgate.adapters.slack.SlackBlocks.text;

import com.slack.api.model.block.LayoutBlock;
import dev.tollgate.activities.notify.EventNames;
import dev.tollgate.stages.PipelineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Slack message of each pipeline event: Block Kit blocks plus the fallback text. This class
 * picks the message by the event's {@code notify.on} name; {@link ApprovalMessages} writes the ones
 * about the approval gate and {@link OutcomeMessages} those about how a run ended.
 */
public final class SlackMessages {
  /**
   * The buttons of approval messages, for the interactivity endpoint to dispatch on: each button's
   * {@code value} is the run's workflow id, and both sit in the actions block {@link
   * #DECISION_BLOCK}.
   */
  public static final String APPROVE_ACTION = "tollgate_approve";

  public static final String REJECT_ACTION = "tollgate_reject";
  public static final String DECISION_BLOCK = "tollgate_decision";

  private final ApprovalMessages approvals;
  private final OutcomeMessages outcomes;

  /**
   * @param reportBaseUrl where people open reports ({@link SlackSettings#reportBaseUrl()}); blank =
   *     the reports' own URIs
   */
  public SlackMessages(String reportBaseUrl) {
    ReportLinks links = new ReportLinks(reportBaseUrl);
    this.approvals = new ApprovalMessages(links);
    this.outcomes = new OutcomeMessages(links);
  }

  /**
   * @param interactive whether the message may carry buttons: only a bot can receive their clicks,
   *     an incoming webhook cannot
   */
  public SlackMessage render(PipelineEvent e, boolean interactive) {
    return switch (e.kind()) {
      case RUN_STARTED -> runStarted(e);
      case APPROVAL_REQUESTED -> approvals.requested(e, interactive);
      case APPROVAL_REMINDER -> approvals.reminder(e);
      case APPROVAL_ESCALATED -> approvals.escalated(e, interactive);
      case DECIDED -> approvals.decided(e);
      case ROLLED_BACK -> outcomes.rolledBackByHand(e);
      case FINISHED -> outcomes.finished(e, EventNames.of(e));
    };
  }

  /** Who or what started the run, and why when they said. */
  private static SlackMessage runStarted(PipelineEvent e) {
    Map<String, String> f = e.fields();
    String by = f.getOrDefault("triggered_by", "someone");
    String trigger = f.getOrDefault("trigger", "manual");
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        text(
            ":arrow_forward: "
                + Mrkdwn.bold(e.model())
                + " run "
                + Mrkdwn.code(e.runId())
                + " started by "
                + Mrkdwn.bold(by)
                + " ("
                + Mrkdwn.escape(trigger)
                + ")"));
    String reason = f.get("reason");
    if (reason != null && !reason.isBlank()) blocks.add(text(Mrkdwn.quote(reason)));
    blocks.add(footer(e));
    return new SlackMessage(fallback(e), blocks, false);
  }

  /** The workflow id under every message: what {@code tollgate status} takes. */
  static LayoutBlock footer(PipelineEvent e) {
    return context("workflow " + Mrkdwn.code(e.workflowId()));
  }

  static String fallback(PipelineEvent e) {
    String m = e.message();
    return Mrkdwn.escape(m == null || m.isBlank() ? e.model() + " " + e.kind() : m);
  }
}
