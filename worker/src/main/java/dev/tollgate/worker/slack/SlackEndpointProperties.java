package dev.tollgate.worker.slack;

import dev.tollgate.activities.Echo;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Who a click on {@code /slack/interactions} may be, and how large a request may be ({@code
 * tollgate.slack.*}, beside the token and secret of {@code TollgateProperties.Slack}). The worker
 * decides who a Slack user is; a spec's {@code notify.slack.approvers} may only narrow it (see
 * {@link SlackApprovers}).
 *
 * @param teamId the Slack workspace (team id {@code T…}, TOLLGATE_SLACK_TEAM_ID) whose members may
 *     decide; blank = the workspace of SLACK_BOT_TOKEN, as Slack's auth.test names it
 * @param approverDomains e-mail domains (TOLLGATE_SLACK_APPROVER_DOMAINS, comma-separated) within
 *     which a member's confirmed profile e-mail names an approver: {@code alice@example.com} is
 *     {@code alice} (or an approver written {@code alice@example.com}) when {@code example.com} is
 *     listed; empty = e-mails name nobody, only pinned users decide
 * @param approvers Slack users pinned to approvers (TOLLGATE_SLACK_APPROVERS): {@code
 *     U024BE7LH=alice,U0G9QF9C6=bob}, or {@code file:/path} with one {@code ID=name} a line
 * @param maxBody the largest request body the endpoint reads (TOLLGATE_SLACK_MAX_BODY); a larger
 *     one is answered 413 without being read
 */
@ConfigurationProperties("tollgate.slack")
public record SlackEndpointProperties(
    @DefaultValue("") String teamId,
    @DefaultValue List<String> approverDomains,
    @DefaultValue("") String approvers,
    @DefaultValue("64KB") DataSize maxBody) {

  private static final long MAX_BODY_LIMIT = DataSize.ofMegabytes(1).toBytes();

  public SlackEndpointProperties {
    teamId = teamId == null ? "" : teamId.strip().toUpperCase(Locale.ROOT);
    if (!teamId.isEmpty() && !teamId.matches("T[A-Z0-9]{2,30}")) {
      throw new IllegalArgumentException(
          "tollgate.slack.team-id must be a Slack team id such as T0123ABCD, or empty");
    }
    approverDomains = approverDomains == null ? List.of() : domains(approverDomains);
    approvers = approvers == null ? "" : approvers.strip();
    maxBody = maxBody == null ? DataSize.ofKilobytes(64) : maxBody;
    if (maxBody.toBytes() < 1024 || maxBody.toBytes() > MAX_BODY_LIMIT) {
      throw new IllegalArgumentException(
          "tollgate.slack.max-body must be between 1KB and 1MB, got " + maxBody);
    }
  }

  /** The settings of a worker that pins nobody and trusts no domain (the defaults). */
  public static SlackEndpointProperties defaults() {
    return new SlackEndpointProperties("", List.of(), "", DataSize.ofKilobytes(64));
  }

  private static List<String> domains(List<String> given) {
    return given.stream()
        .map(d -> d == null ? "" : d.strip().toLowerCase(Locale.ROOT))
        .map(d -> d.startsWith("@") ? d.substring(1) : d)
        .filter(d -> !d.isEmpty())
        .peek(SlackEndpointProperties::checkDomain)
        .distinct()
        .toList();
  }

  private static void checkDomain(String domain) {
    if (!domain.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
      throw new IllegalArgumentException(
          "tollgate.slack.approver-domains: "
              + Echo.value(domain)
              + " is not a domain such as example.com");
    }
  }
}
