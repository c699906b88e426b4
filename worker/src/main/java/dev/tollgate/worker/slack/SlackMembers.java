package dev.tollgate.worker.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a Slack user may decide at all, whoever they claim to be: a full member of the worker's
 * workspace (its configured team id, else the bot token's own, from auth.test), not a guest, not
 * someone from another organisation through Slack Connect, not a bot or an app, not deactivated.
 * Asked of Slack (users.info) on every click, so a guest or a deactivated account is refused the
 * moment Slack says so. Anything Slack cannot answer is a refusal: nothing is decided unchecked.
 */
final class SlackMembers {
  /** A user who may decide; {@code email} only when Slack says it is confirmed, else null. */
  record Member(String id, String email) {}

  private static final Logger log = LoggerFactory.getLogger(SlackMembers.class);
  private static final String OUTSIDER =
      "only full members of this Slack workspace can decide on a pipeline run";

  private final String configuredTeam;
  private volatile String botTeam;

  /** {@code teamId}: blank = the workspace of the bot token. */
  SlackMembers(String teamId) {
    this.configuredTeam = teamId == null ? "" : teamId;
  }

  Member lookUp(SlackClick click, MethodsClient slack) {
    String team = expectedTeam(slack);
    if (!team.equals(click.teamId())
        || (click.userTeamId() != null && !team.equals(click.userTeamId()))) {
      log.info("Slack user {} of team {} is not in team {}", click.userId(), click.teamId(), team);
      throw new SlackRefusal(OUTSIDER);
    }
    User user = userInfo(click.userId(), slack);
    if (user.isDeleted()) throw new SlackRefusal("a deactivated Slack account cannot decide");
    if (user.isBot() || user.isAppUser() || user.isWorkflowBot() || user.isConnectorBot()) {
      throw new SlackRefusal("apps and bots cannot decide on a pipeline run");
    }
    if (user.isRestricted() || user.isUltraRestricted()) {
      throw new SlackRefusal("guest accounts cannot decide on a pipeline run");
    }
    if (user.isStranger() || !team.equals(user.getTeamId())) throw new SlackRefusal(OUTSIDER);
    String email = user.getProfile() == null ? null : user.getProfile().getEmail();
    boolean usable = user.isEmailConfirmed() && email != null && !email.isBlank();
    return new Member(user.getId(), usable ? email.strip().toLowerCase(Locale.ROOT) : null);
  }

  private User userInfo(String userId, MethodsClient slack) {
    try {
      UsersInfoResponse info = slack.usersInfo(r -> r.user(userId));
      if (info.isOk() && info.getUser() != null && userId.equals(info.getUser().getId())) {
        return info.getUser();
      }
      log.warn("users.info for {} failed: {} (the app needs users:read)", userId, info.getError());
    } catch (IOException | SlackApiException e) {
      log.warn("users.info for {} failed: {}", userId, e.getClass().getSimpleName());
    }
    throw new SlackRefusal("Tollgate could not look you up in Slack; nothing was decided");
  }

  /** The configured team, else the bot token's (asked once; a failure is asked again next time). */
  private String expectedTeam(MethodsClient slack) {
    if (!configuredTeam.isEmpty()) return configuredTeam;
    String known = botTeam;
    if (known != null) return known;
    try {
      AuthTestResponse auth = slack.authTest(r -> r);
      if (auth.isOk() && auth.getTeamId() != null && !auth.getTeamId().isBlank()) {
        botTeam = auth.getTeamId();
        return botTeam;
      }
      log.warn("auth.test failed: {}; set TOLLGATE_SLACK_TEAM_ID", auth.getError());
    } catch (IOException | SlackApiException e) {
      log.warn("auth.test failed: {}; set TOLLGATE_SLACK_TEAM_ID", e.getClass().getSimpleName());
    }
    throw new SlackRefusal("Tollgate cannot tell which Slack workspace it serves; nothing decided");
  }
}
