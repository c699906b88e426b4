package dev.tollgate.adapters.slack;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static dev.tollgate.adapters.slack.SlackBlocks.context;
import static dev.tollgate.adapters.slack.SlackBlocks.header;
import static dev.tollgate.adapters.slack.SlackBlocks.preformatted;
import static dev.tollgate.adapters.slack.SlackBlocks.text;

import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import dev.tollgate.spec.NotifySpec;
import dev.tollgate.stages.ApprovalDecided;
import dev.tollgate.stages.ApprovalEscalated;
import dev.tollgate.stages.ApprovalReminder;
import dev.tollgate.stages.ApprovalRequested;
import dev.tollgate.stages.PipelineEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages of the approval gate: the request (the boxed summary, the reports, the buttons and
 * the equivalent CLI command), reminders, escalations and each decision. Approvers the spec maps to
 * Slack users ({@code notify.slack.approvers}) are mentioned, so Slack notifies them.
 */
final class ApprovalMessages {
  private final ReportLinks links;

  ApprovalMessages(ReportLinks links) {
    this.links = links;
  }

  SlackMessage requested(ApprovalRequested e, boolean interactive) {
    String subject = e.model() + " v" + e.version();
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header("Approval needed: " + subject));
    blocks.add(
        text(
            ":raised_hand: "
                + SlackMessages.fallback(e)
                + "\nApprovers: "
                + people(e.approvers(), e.route())));
    String summary = e.summary();
    if (summary != null && !summary.isBlank()) blocks.add(preformatted(summary));
    String reports = links.line(e.htmlReportUri(), e.reportUri());
    if (!reports.isEmpty()) blocks.add(text(reports));
    if (interactive) blocks.add(buttons(e));
    blocks.add(cli(e));
    blocks.add(SlackMessages.footer(e));
    return new SlackMessage(SlackMessages.fallback(e), blocks, true);
  }

  SlackMessage reminder(ApprovalReminder e) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        text(
            ":hourglass_flowing_sand: "
                + SlackMessages.fallback(e)
                + "\nWaiting for: "
                + people(e.approvers(), e.route())));
    blocks.add(cli(e));
    return new SlackMessage(SlackMessages.fallback(e), blocks, false);
  }

  /** Who was added, who is asked now, and the summary again: the new approvers have not seen it. */
  SlackMessage escalated(ApprovalEscalated e, boolean interactive) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        text(
            ":rotating_light: "
                + SlackMessages.fallback(e)
                + "\nAdded: "
                + people(e.escalatedTo(), e.route())
                + "\nAll approvers: "
                + people(e.approvers(), e.route())));
    String summary = e.summary();
    if (summary != null && !summary.isBlank()) blocks.add(preformatted(summary));
    if (interactive) blocks.add(buttons(e));
    blocks.add(cli(e));
    return new SlackMessage(SlackMessages.fallback(e), blocks, true);
  }

  SlackMessage decided(ApprovalDecided e) {
    boolean approved = e.approved();
    StringBuilder s =
        new StringBuilder(approved ? ":white_check_mark: " : ":no_entry: ")
            .append(Mrkdwn.bold(e.model()))
            .append(approved ? " approved by " : " rejected by ")
            .append(person(e.decidedBy() == null ? "?" : e.decidedBy(), e.route()));
    String via = e.via();
    if (via != null && !via.isBlank()) {
      s.append(" (via ").append(Mrkdwn.escape(via)).append(')');
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(text(s.toString()));
    String comment = e.comment();
    if (comment != null && !comment.isBlank()) blocks.add(text(Mrkdwn.quote(comment)));
    return new SlackMessage(SlackMessages.fallback(e), blocks, false);
  }

  private static LayoutBlock buttons(PipelineEvent e) {
    List<BlockElement> elements =
        List.of(
            button(
                b ->
                    b.actionId(SlackMessages.APPROVE_ACTION)
                        .value(e.workflowId())
                        .style("primary")
                        .text(plainText("Approve"))),
            button(
                b ->
                    b.actionId(SlackMessages.REJECT_ACTION)
                        .value(e.workflowId())
                        .style("danger")
                        .text(plainText("Reject")))); // asks for the reason in a modal
    return Blocks.actions(SlackMessages.DECISION_BLOCK, elements);
  }

  /** The same decision from a terminal, with the real CLI's syntax. */
  private static LayoutBlock cli(PipelineEvent e) {
    return context(
        "From a terminal: "
            + Mrkdwn.code("tollgate approve " + e.workflowId() + " --by <you>")
            + " or "
            + Mrkdwn.code("tollgate reject " + e.workflowId() + " --by <you> --reason <why>"));
  }

  /** "<@U1> (alice), bob": the approvers, mentioned where mapped. */
  static String people(List<String> names, NotifySpec route) {
    List<String> out = new ArrayList<>();
    for (String name : names) {
      if (name != null && !name.isBlank()) out.add(person(name.trim(), route));
    }
    return out.isEmpty() ? "nobody listed" : String.join(", ", out);
  }

  private static String person(String name, NotifySpec route) {
    String id = slackIds(route).get(name);
    return id == null ? Mrkdwn.escape(name) : Mrkdwn.mention(id) + " (" + Mrkdwn.escape(name) + ")";
  }

  /** approver name → Slack user id: the spec's map read the other way. */
  private static Map<String, String> slackIds(NotifySpec route) {
    Map<String, String> ids = new LinkedHashMap<>();
    if (route != null) route.slackApprovers().forEach((id, name) -> ids.putIfAbsent(name, id));
    return ids;
  }
}
