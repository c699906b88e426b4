package dev.tollgate.worker.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;

/**
 * Whether a verified request is one of the two interactions Tollgate handles, with what its
 * handlers read from it: a button of the approval message (a user, a team, an action with our id)
 * or the reject modal's submission (a user, a team, the view). Anything else is answered 400 before
 * a handler runs, so a payload missing a field is a bad request, not a NullPointerException.
 */
final class SlackPayloads {
  private SlackPayloads() {}

  static boolean handled(Request<?> request) {
    return switch (request) {
      case BlockActionRequest r -> handled(r.getPayload());
      case ViewSubmissionRequest r -> handled(r.getPayload());
      case null, default -> false;
    };
  }

  private static boolean handled(BlockActionPayload p) {
    return p != null
        && p.getUser() != null
        && present(p.getUser().getId())
        && p.getTeam() != null
        && present(p.getTeam().getId())
        && p.getActions() != null
        && p.getActions().size() == 1
        && p.getActions().getFirst() != null
        && (ApprovalActions.APPROVE.equals(p.getActions().getFirst().getActionId())
            || ApprovalActions.REJECT.equals(p.getActions().getFirst().getActionId()));
  }

  private static boolean handled(ViewSubmissionPayload p) {
    return p != null
        && p.getUser() != null
        && present(p.getUser().getId())
        && p.getTeam() != null
        && present(p.getTeam().getId())
        && p.getView() != null
        && RejectReasonModal.CALLBACK_ID.equals(p.getView().getCallbackId());
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
