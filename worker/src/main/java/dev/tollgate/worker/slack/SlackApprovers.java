package dev.tollgate.worker.slack;

import com.slack.api.methods.MethodsClient;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which approver a Slack user is, decided by the worker's configuration, never by the caller's
 * spec. The user must first be a full member of the worker's workspace ({@link SlackMembers});
 * then:
 *
 * <ol>
 *   <li>the worker's pinned map ({@code tollgate.slack.approvers: U024BE7LH=alice}), or else
 *   <li>the user's confirmed profile e-mail, in full, within a domain the worker lists ({@code
 *       tollgate.slack.approver-domains}): {@code alice@example.com} is an approver written {@code
 *       alice@example.com}, or {@code alice}, when {@code example.com} is listed. The same local
 *       part on another domain is nobody.
 * </ol>
 *
 * The spec's {@code notify.slack.approvers} is input from whoever started the run, so it only
 * narrows: a Slack user it maps to another approver than the worker's is refused, and a user it
 * maps whom the worker does not know stays unknown (the map still says whom approval messages
 * mention). Whatever the name, it must be one the gate asks (the {@code decide} validator checks it
 * again).
 */
final class SlackApprovers {
  private final SlackMembers members;
  private final Map<String, String> pinned;
  private final Set<String> domains;

  SlackApprovers(SlackEndpointProperties settings) {
    this.members = new SlackMembers(settings.teamId());
    this.pinned = PinnedSlackUsers.parse(settings.approvers());
    this.domains = Set.copyOf(settings.approverDomains());
  }

  /** The approver's name, or a refusal saying why the user may not decide on this run. */
  String nameOf(PendingRun run, SlackClick click, MethodsClient slack) {
    SlackMembers.Member member = members.lookUp(click, slack);
    List<String> asked =
        run.status() == null || run.status().approval() == null
            ? List.of()
            : run.status().approval().askedOf();
    String name = asked(asked, pinned.get(member.id()));
    if (name == null && pinned.get(member.id()) == null) name = byEmail(asked, member.email());
    if (name == null) throw new SlackRefusal("you are not an approver of " + run.model());
    narrowedBySpec(run, member.id(), name);
    return name;
  }

  /** The full address within a listed domain: the approver named so, or by its local part. */
  private String byEmail(List<String> asked, String email) {
    if (email == null) return null;
    int at = email.lastIndexOf('@');
    if (at <= 0 || !domains.contains(email.substring(at + 1))) return null;
    String local = email.substring(0, at);
    for (String name : asked) {
      if (name.equalsIgnoreCase(email)) return name;
    }
    for (String name : asked) {
      if (!name.contains("@") && name.equalsIgnoreCase(local)) return name;
    }
    return null;
  }

  /** The name as the gate spells it, if the gate asks it. */
  private static String asked(List<String> asked, String name) {
    if (name == null) return null;
    return asked.stream().filter(name::equalsIgnoreCase).findFirst().orElse(null);
  }

  /** The spec may refuse the worker's answer, never replace it. */
  private static void narrowedBySpec(PendingRun run, String slackUserId, String name) {
    String declared = run.declaredApprover(slackUserId);
    if (declared != null && !declared.isBlank() && !declared.equalsIgnoreCase(name)) {
      throw new SlackRefusal(
          "this pipeline's spec maps your Slack account to another approver; nothing was decided");
    }
  }
}
