package dev.tollgate.worker.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** {@code tollgate.slack.team-id, approver-domains, approvers, max-body}: read, or refused. */
class SlackEndpointSettingsTest {
  @TempDir Path dir;

  @Test
  void pinnedUsersInlineOrFromAFile() throws Exception {
    assertThat(PinnedSlackUsers.parse(" u024be7lh = alice , U0G9QF9C6=bob "))
        .isEqualTo(Map.of("U024BE7LH", "alice", "U0G9QF9C6", "bob"));
    Path file = dir.resolve("slack-approvers");
    Files.writeString(
        file, "# who decides from Slack\nU024BE7LH=alice  # Alice Smith\n\nW0ENT=bob\n");
    assertThat(PinnedSlackUsers.parse("file:" + file))
        .isEqualTo(Map.of("U024BE7LH", "alice", "W0ENT", "bob"));
    assertThat(PinnedSlackUsers.parse("")).isEmpty();
  }

  @Test
  void aBadPinnedEntryStopsTheWorkerNamingIt() {
    assertThatThrownBy(() -> PinnedSlackUsers.parse("U024BE7LH=alice,alice"))
        .hasMessage(
            "tollgate.slack.approvers: entry 2 is not SLACK_USER_ID=approver (e.g. U024BE7LH=alice)");
    assertThatThrownBy(() -> PinnedSlackUsers.parse("U1AB=alice,U1AB=bob"))
        .hasMessage("tollgate.slack.approvers: entry 2 pins U1AB again");
    assertThatThrownBy(() -> PinnedSlackUsers.parse("file:" + dir.resolve("missing")))
        .hasMessageStartingWith(
            "tollgate.slack.approvers (" + dir.resolve("missing") + "): cannot read");
  }

  @Test
  void domainsAndTeamIdsAreNormalisedOrRefused() {
    SlackEndpointProperties p =
        new SlackEndpointProperties(
            "t0team", List.of("@Example.COM", " example.org "), "", DataSize.ofKilobytes(64));
    assertThat(p.teamId()).isEqualTo("T0TEAM");
    assertThat(p.approverDomains()).containsExactly("example.com", "example.org");
    assertThatThrownBy(
            () -> new SlackEndpointProperties("", List.of("*"), "", DataSize.ofKilobytes(64)))
        .hasMessage("tollgate.slack.approver-domains: '*' is not a domain such as example.com");
    assertThatThrownBy(
            () -> new SlackEndpointProperties("acme", List.of(), "", DataSize.ofKilobytes(64)))
        .hasMessageContaining("tollgate.slack.team-id must be a Slack team id");
    assertThatThrownBy(
            () -> new SlackEndpointProperties("", List.of(), "", DataSize.ofMegabytes(256)))
        .hasMessageContaining("tollgate.slack.max-body must be between 1KB and 1MB");
  }
}
