package dev.tollgate.worker.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;

/**
 * Who a verified request says clicked: the user id and the teams named in Slack's payload. The
 * signature proves Slack sent it; the worker still asks Slack (users.info) who that user is before
 * it takes them for anyone ({@link SlackMembers}). Payloads reach here only when {@link
 * SlackPayloads} found a user and a team in them.
 *
 * @param userId the Slack user ({@code U…})
 * @param userTeamId the user's own team as the payload gives it ({@code user.team_id}), or null
 * @param teamId the workspace the action happened in ({@code team.id})
 */
record SlackClick(String userId, String userTeamId, String teamId) {

  static SlackClick of(BlockActionPayload p) {
    return new SlackClick(p.getUser().getId(), p.getUser().getTeamId(), p.getTeam().getId());
  }

  static SlackClick of(ViewSubmissionPayload p) {
    return new SlackClick(p.getUser().getId(), p.getUser().getTeamId(), p.getTeam().getId());
  }
}
