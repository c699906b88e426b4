package dev.tollgate.adapters.slack;

import static dev.tollgate.adapters.slack.SlackBlocks.context;
import static dev.tollgate.adapters.slack.SlackBlocks.text;

import com.slack.api.model.block.LayoutBlock;
import dev.tollgate.activities.notify.EventNames;
import dev.tollgate.stages.ApprovalDecided;
import dev.tollgate.stages.ApprovalEscalated;
import dev.tollgate.stages.ApprovalReminder;
import dev.tollgate.stages.ApprovalRequested;
import dev.tollgate.stages.CommitLineage;
import dev.tollgate.stages.PipelineEvent;
import dev.tollgate.stages.RollbackFinished;
import dev.tollgate.stages.RunFinished;
import dev.tollgate.stages.RunStarted;
import java.util.ArrayList;
import java.util.List;

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
    return switch (e) {
      case RunStarted s -> runStarted(s);
      case ApprovalRequested a -> approvals.requested(a, interactive);
      case ApprovalReminder r -> approvals.reminder(r);
      case ApprovalEscalated a -> approvals.escalated(a, interactive);
      case ApprovalDecided d -> approvals.decided(d);
      case RollbackFinished r -> outcomes.rolledBackByHand(r);
      case RunFinished f -> outcomes.finished(f, EventNames.of(f));
    };
  }

  /** Who or what started the run, and why when they said. */
  private static SlackMessage runStarted(RunStarted e) {
    String by = String.valueOf(e.triggeredBy()); // "null" when nobody was named, as ever
    String trigger = e.trigger() == null ? "manual" : e.trigger();
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
    String reason = e.reason();
    if (reason != null && !reason.isBlank()) blocks.add(text(Mrkdwn.quote(reason)));
    if (e.commit() != null) blocks.add(commit(e.commit()));
    blocks.add(footer(e));
    return new SlackMessage(fallback(e), blocks, false);
  }

  /** "commit `main@1a2b3c4` by Ada Lovelace": the short SHA with its ref, never an e-mail. */
  static LayoutBlock commit(CommitLineage c) {
    String by = c.author() == null ? "" : " by " + Mrkdwn.escape(c.author());
    return context("commit " + Mrkdwn.code(c.label()) + by);
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
