package dev.tollgate.worker.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewState;
import java.util.List;
import java.util.Map;

/**
 * The modal the Reject button opens: a rejection needs a reason (the gate refuses one without), and
 * a button cannot carry one. The modal remembers which run and which message it is about in its
 * private metadata, which Slack hands back untouched with the submission.
 */
final class RejectReasonModal {
  static final String CALLBACK_ID = "tollgate_reject_reason";

  /** Block and action id of the reason field; refusals are shown under it. */
  static final String REASON = "reason";

  private static final Gson GSON = new Gson();

  private RejectReasonModal() {}

  /** What the submission needs: the run, and the message to update (channel and ts). */
  record Context(String workflowId, String channel, String ts) {}

  static View of(PendingRun run, Context context) {
    return view(
        v ->
            v.type("modal")
                .callbackId(CALLBACK_ID)
                .privateMetadata(GSON.toJson(context))
                .title(viewTitle(t -> t.type("plain_text").text("Reject the candidate")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Reject")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(
                    List.of(
                        section(
                            s ->
                                s.text(
                                    markdownText(
                                        "Reject *"
                                            + run.label()
                                            + "* (`"
                                            + run.workflowId()
                                            + "`)"))),
                        input(
                            i ->
                                i.blockId(REASON)
                                    .label(plainText("Reason"))
                                    .element(
                                        plainTextInput(
                                            p -> p.actionId(REASON).multiline(true)))))));
  }

  /** The context back from a submitted view; a view we did not build is a refusal. */
  static Context context(View view) {
    try {
      Context c = GSON.fromJson(view.getPrivateMetadata(), Context.class);
      if (c != null && c.workflowId() != null) return c;
    } catch (JsonParseException e) {
      // falls through to the refusal
    }
    throw new SlackRefusal("this form does not name a pipeline run");
  }

  /** The reason typed, or {@code null}. */
  static String reason(View view) {
    ViewState state = view.getState();
    if (state == null || state.getValues() == null) return null;
    Map<String, ViewState.Value> block = state.getValues().get(REASON);
    ViewState.Value value = block == null ? null : block.get(REASON);
    return value == null ? null : value.getValue();
  }
}
