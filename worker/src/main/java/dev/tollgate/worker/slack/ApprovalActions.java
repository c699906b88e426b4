package dev.tollgate.worker.slack;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.tollgate.pipeline.DecisionRecord;
import dev.tollgate.pipeline.DecisionRequest;
import dev.tollgate.pipeline.DecisionSeal;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the approval message's buttons do. Approve decides at once; Reject opens a modal for the
 * reason and its submission decides. Either way the decision goes through the run's {@code decide}
 * Update as the approver the Slack user maps to ({@link SlackApprovers}), and the validator's
 * answer is what the user sees: the message updated for everyone on success, an ephemeral note (or
 * the modal's field error) for the one who clicked otherwise. An unexpected failure is logged with
 * a short reference, and the user is given the reference, never the exception's text.
 *
 * <p>The work is done before the ack, not after: the decision is one Update (milliseconds on a
 * healthy cluster, well inside Slack's 3 s), and the modal's refusal can only be shown in the ack.
 */
final class ApprovalActions {
  /** The buttons' action ids; their value is the run's workflow id. */
  static final String APPROVE = "tollgate_approve";

  static final String REJECT = "tollgate_reject";
  static final String APPROVED_COMMENT = "approved from Slack";

  private static final Logger log = LoggerFactory.getLogger(ApprovalActions.class);

  private final WorkflowClient temporal;
  private final DecisionSeal seal;
  private final SlackApprovers approvers;

  /** {@code seal}: with the approval key, decisions are vouched for as "slack"; else claims. */
  ApprovalActions(WorkflowClient temporal, DecisionSeal seal, SlackApprovers approvers) {
    this.temporal = temporal;
    this.seal = seal;
    this.approvers = approvers;
  }

  /** The Slack user's decision: Slack's signature authenticated them, so it is vouched for. */
  private DecisionRequest decision(PendingRun run, boolean approve, String name, String comment) {
    return seal == null
        ? new DecisionRequest(approve, name, comment)
        : seal.vouch(
            run.status().approval().subject(),
            approve,
            name,
            comment,
            "slack",
            System.currentTimeMillis() + DecisionSeal.VALIDITY.toMillis());
  }

  void register(App app) {
    app.blockAction(APPROVE, this::approve);
    app.blockAction(REJECT, this::askReason);
    app.viewSubmission(RejectReasonModal.CALLBACK_ID, this::reject);
  }

  Response approve(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String user = p.getUser().getId();
    try {
      PendingRun run = PendingRun.load(temporal, value(p)).requireAwaiting();
      String name = approvers.nameOf(run, SlackClick.of(p), ctx.client());
      DecisionRequest decision = decision(run, true, name, APPROVED_COMMENT);
      run.decide(decision);
      log.info("{} approved {} from Slack (user {})", name, run.workflowId(), user);
      if (run.settledBy(decision)) {
        List<String> by = new ArrayList<>();
        run.status().approval().decisions().forEach(d -> by.add(d.by()));
        by.add(name);
        update(
            ctx.client(),
            p,
            run.label() + " approved by " + String.join(", ", by) + " (from Slack)");
      } else {
        int more =
            run.status().approval().needed() - run.status().approval().decisions().size() - 1;
        ephemeral(
            ctx.client(),
            channel(p),
            user,
            "your approval of " + run.label() + " is recorded; " + more + " more needed");
      }
    } catch (SlackRefusal r) {
      ephemeral(ctx.client(), channel(p), user, r.getMessage());
    } catch (RuntimeException e) {
      String ref = ErrorRef.next();
      log.error("Slack approval of {} by {} failed (error {})", value(p), user, ref, e);
      ephemeral(ctx.client(), channel(p), user, couldNot("take the decision", ref));
    }
    return ctx.ack();
  }

  /** Opens the reason modal, after checking the user may decide (no form typed for nothing). */
  Response askReason(BlockActionRequest req, ActionContext ctx) {
    BlockActionPayload p = req.getPayload();
    String user = p.getUser().getId();
    try {
      PendingRun run = PendingRun.load(temporal, value(p)).requireAwaiting();
      approvers.nameOf(run, SlackClick.of(p), ctx.client());
      View modal =
          RejectReasonModal.of(
              run, new RejectReasonModal.Context(run.workflowId(), channel(p), ts(p)));
      ViewsOpenResponse opened =
          ctx.client().viewsOpen(r -> r.triggerId(p.getTriggerId()).view(modal));
      if (!opened.isOk()) log.warn("views.open for {} failed: {}", user, opened.getError());
    } catch (SlackRefusal r) {
      ephemeral(ctx.client(), channel(p), user, r.getMessage());
    } catch (IOException | SlackApiException | RuntimeException e) {
      String ref = ErrorRef.next();
      log.error("Slack rejection of {} by {} failed (error {})", value(p), user, ref, e);
      ephemeral(ctx.client(), channel(p), user, couldNot("open the form", ref));
    }
    return ctx.ack();
  }

  /** The modal's submission: decides, closes the modal and updates the message; or says why not. */
  Response reject(ViewSubmissionRequest req, ViewSubmissionContext ctx) {
    View view = req.getPayload().getView();
    String user = req.getPayload().getUser().getId();
    try {
      RejectReasonModal.Context where = RejectReasonModal.context(view);
      PendingRun run = PendingRun.load(temporal, where.workflowId()).requireAwaiting();
      String name = approvers.nameOf(run, SlackClick.of(req.getPayload()), ctx.client());
      String reason = RejectReasonModal.reason(view);
      reason = reason == null ? "" : reason.strip();
      DecisionRecord decided = run.decide(decision(run, false, name, reason));
      log.info("{} rejected {} from Slack (user {})", name, run.workflowId(), user);
      update(
          ctx.client(),
          where.channel(),
          where.ts(),
          null,
          run.label() + " rejected by " + name + " (from Slack): " + decided.comment());
      return ctx.ack();
    } catch (SlackRefusal r) {
      return ctx.ackWithErrors(Map.of(RejectReasonModal.REASON, r.getMessage()));
    } catch (RuntimeException e) {
      String ref = ErrorRef.next();
      log.error("Slack rejection by {} failed (error {})", user, ref, e);
      return ctx.ackWithErrors(
          Map.of(RejectReasonModal.REASON, couldNot("take the decision", ref)));
    }
  }

  /** What the user reads of an unexpected failure: the reference the log has, no more. */
  private static String couldNot(String what, String ref) {
    return "Tollgate could not "
        + what
        + " (error "
        + ref
        + "); nothing was decided."
        + " The worker's log has the details.";
  }

  private static void update(MethodsClient slack, BlockActionPayload p, String text) {
    update(
        slack, channel(p), ts(p), p.getMessage() == null ? null : p.getMessage().getBlocks(), text);
  }

  /**
   * Replaces the buttons with who decided: the message's other blocks (headline, figures) stay, so
   * the channel keeps the record of what was approved. A failed update is logged, not refused: the
   * decision is taken by then.
   */
  private static void update(
      MethodsClient slack, String channel, String ts, List<LayoutBlock> original, String text) {
    if (channel == null || ts == null) return;
    List<LayoutBlock> blocks = new ArrayList<>();
    if (original != null) {
      for (LayoutBlock b : original) {
        if (b instanceof ActionsBlock) continue;
        // "Approval needed: ..." would read as still open; the header says what happened instead.
        if (b instanceof HeaderBlock) {
          blocks.add(header(h -> h.text(plainText(headline(text)))));
        } else {
          blocks.add(b);
        }
      }
    }
    blocks.add(section(s -> s.text(markdownText(text))));
    try {
      var r = slack.chatUpdate(u -> u.channel(channel).ts(ts).text(text).blocks(blocks));
      if (!r.isOk()) log.warn("chat.update of {} in {} failed: {}", ts, channel, r.getError());
    } catch (IOException | SlackApiException e) {
      log.warn("chat.update of {} in {} failed: {}", ts, channel, e.toString());
    }
  }

  /** "energy-load v3 approved by alice (from Slack): ..." → "energy-load v3 approved by alice". */
  private static String headline(String text) {
    int cut = text.indexOf(" (from Slack)");
    String h = cut < 0 ? text : text.substring(0, cut);
    return h.length() <= 150 ? h : h.substring(0, 149) + "…";
  }

  private static void ephemeral(MethodsClient slack, String channel, String user, String text) {
    if (channel == null) {
      log.info("Slack user {}: {} (no channel to answer in)", user, text);
      return;
    }
    try {
      var r = slack.chatPostEphemeral(e -> e.channel(channel).user(user).text(text));
      if (!r.isOk()) log.warn("chat.postEphemeral to {} failed: {}", user, r.getError());
    } catch (IOException | SlackApiException e) {
      log.warn("chat.postEphemeral to {} failed: {}", user, e.toString());
    }
  }

  private static String value(BlockActionPayload p) {
    return p.getActions() == null || p.getActions().isEmpty()
        ? null
        : p.getActions().getFirst().getValue();
  }

  private static String channel(BlockActionPayload p) {
    if (p.getChannel() != null) return p.getChannel().getId();
    return p.getContainer() == null ? null : p.getContainer().getChannelId();
  }

  private static String ts(BlockActionPayload p) {
    if (p.getContainer() != null && p.getContainer().getMessageTs() != null) {
      return p.getContainer().getMessageTs();
    }
    return p.getMessage() == null ? null : p.getMessage().getTs();
  }
}
