package dev.tollgate.worker.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.users.UsersInfoResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which approver a Slack user is. First the spec's own map ({@code notify.slack.approvers: {U123:
 * alice}}), which needs no Slack scope and says exactly what the spec's author meant; else the
 * user's profile e-mail ({@code users.info}, scopes users:read and users:read.email) matched
 * against the names the gate asks, whole or by its local part ({@code alice@example.com} is {@code
 * alice}). Anyone else is not an approver, whatever their e-mail looks like.
 */
final class SlackApprovers {
  private static final Logger log = LoggerFactory.getLogger(SlackApprovers.class);

  private SlackApprovers() {}

  /** The approver's name, or a refusal saying the user is not an approver of the model. */
  static String nameOf(PendingRun run, String slackUserId, MethodsClient slack) {
    String declared = run.declaredApprover(slackUserId);
    if (declared != null && !declared.isBlank()) return declared;
    List<String> asked =
        run.status() == null || run.status().approval() == null
            ? List.of()
            : run.status().approval().askedOf();
    String email = email(slackUserId, slack);
    if (email != null) {
      String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
      for (String name : asked) {
        if (name.equalsIgnoreCase(email) || name.equalsIgnoreCase(local)) return name;
      }
    }
    throw new SlackRefusal("you are not an approver of " + run.model());
  }

  /** The profile e-mail, or {@code null} when Slack has none for us (no scope, a bot, an error). */
  private static String email(String slackUserId, MethodsClient slack) {
    try {
      UsersInfoResponse info = slack.usersInfo(r -> r.user(slackUserId));
      if (!info.isOk()) {
        log.info("users.info for {} failed: {} (needs users:read)", slackUserId, info.getError());
        return null;
      }
      if (info.getUser() == null || info.getUser().getProfile() == null) return null;
      String email = info.getUser().getProfile().getEmail();
      if (email == null || email.isBlank()) {
        log.info("Slack gives no e-mail for {} (the app needs users:read.email)", slackUserId);
        return null;
      }
      return email.trim().toLowerCase(Locale.ROOT);
    } catch (IOException | SlackApiException e) {
      log.warn("users.info for {} failed: {}", slackUserId, e.toString());
      return null;
    }
  }
}
