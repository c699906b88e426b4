package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The webhook's front door on the real worker and dev server: what is refused or ignored starts
 * nothing (a bad or missing signature 401, an event or branch not configured 202, a payload over
 * {@code tollgate.github.max-payload} 413), and a redelivery of a recorded delivery is answered 200
 * and records nothing twice.
 */
@ExtendWith({SharedStack.class, GitHubStack.class})
class GitHubFrontDoorIT {

  @Test
  void refusedAndIgnoredDeliveriesStartNothing() {
    GitHubStack stack = GitHubStack.get();
    GitHubSender sender = stack.sender();
    GitHubChecks checks = new GitHubChecks(stack);
    String sha = stack.initialCommit();
    String push =
        stack.payloads().push("main", sha, sha, List.of(), List.of("specs/gh-energy-a.yaml"));
    byte[] body = push.getBytes(StandardCharsets.UTF_8);

    String forged = UUID.randomUUID().toString();
    GitHubSender.Answer wrongSecret =
        sender.send("push", body, forged, GitHubSender.sign("not-the-secret", body));
    assertThat(wrongSecret.status()).as(wrongSecret.toString()).isEqualTo(401);
    String unsigned = UUID.randomUUID().toString();
    assertThat(sender.send("push", body, unsigned, null).status()).isEqualTo(401);

    GitHubSender.Answer otherBranch =
        sender.send(
            "push",
            stack.payloads().push("dev", sha, sha, List.of(), List.of("specs/gh-energy-a.yaml")));
    assertThat(otherBranch.status()).as(otherBranch.toString()).isEqualTo(202);
    assertThat(otherBranch.body()).contains("ignored", "branch 'dev' is not configured");
    GitHubSender.Answer otherEvent = sender.send("issues", "{\"action\":\"opened\"}");
    assertThat(otherEvent.status()).as(otherEvent.toString()).isEqualTo(202);
    assertThat(otherEvent.body()).contains("ignored");

    // 64 KB is the worker's limit here: 100 KB of commits is refused before it is read whole.
    String large = push.replace("\"change the specs\"", "\"" + "x".repeat(100_000) + "\"");
    GitHubSender.Answer tooLarge = sender.send("push", large);
    assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);

    for (String id : List.of(forged, unsigned, otherBranch.deliveryId(), otherEvent.deliveryId())) {
      assertThat(checks.deliveries(id)).as("delivery workflows of " + id).isZero();
    }
    assertThat(checks.deliveries(tooLarge.deliveryId())).isZero();
    assertThat(checks.runsOf(sha)).isZero();
  }

  @Test
  void aRedeliveryIsAnsweredButRecordsNothingTwice() {
    GitHubStack stack = GitHubStack.get();
    GitHubChecks checks = new GitHubChecks(stack);
    GitRepos repos = stack.repos();
    String before = repos.head();
    repos.write("README.md", "Models of acme, and how to change them.\n");
    String after = repos.commit("readme only");
    repos.push("main");
    // A push that touches no spec: recorded, and (once planned) no run.
    String push = stack.payloads().push("main", before, after, List.of(), List.of("README.md"));

    GitHubSender.Answer first = stack.sender().send("push", push);
    assertThat(first.status()).as(first.toString()).isEqualTo(202);
    GitHubSender.Answer again = stack.sender().send("push", push, first.deliveryId());
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.body()).contains("already recorded");

    checks.awaitDeliveryClosed(first.deliveryId(), GitHubChecks.SHORT);
    assertThat(checks.deliveries(first.deliveryId())).isEqualTo(1);
    assertThat(checks.runsOf(after)).isZero();
  }
}
