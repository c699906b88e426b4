package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.adapters.github.FakeGitHub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deliveries the worker takes but cannot act on, on the real worker and dev server: a push whose
 * spec no longer parses gets a failure status naming the file and the key and no run; a commit the
 * remote does not have gets an error status for the delivery ({@code tollgate}) and no run.
 */
@ExtendWith({SharedStack.class, GitHubStack.class})
class GitHubBadInputIT {
  private static final String SPEC_B = "specs/" + GitHubStack.MODEL_B + ".yaml";

  @Test
  void aSpecThatNoLongerParsesGetsAFailureStatusAndNoRun() {
    GitHubStack stack = GitHubStack.get();
    GitHubChecks checks = new GitHubChecks(stack);
    GitRepos repos = stack.repos();
    String before = repos.head();
    repos.branch("release/bad-spec");
    String sha;
    try {
      String spec = read(repos, SPEC_B).replace("gradient_boosting", "deep_magic");
      repos.write(SPEC_B, spec);
      sha = repos.commit("energy b: an algorithm nobody has");
      repos.push("release/bad-spec");
    } finally {
      repos.switchTo("main");
    }
    String push =
        stack.payloads().push("release/bad-spec", before, sha, List.of(), List.of(SPEC_B));
    GitHubSender.Answer delivered = stack.sender().send("push", push);
    assertThat(delivered.status()).as(delivered.toString()).isEqualTo(202);

    List<FakeGitHub.Status> posted =
        checks.awaitStatus(sha, "tollgate/" + SPEC_B, "failure", GitHubChecks.SHORT);
    assertThat(posted).hasSize(1);
    assertThat(posted.get(0).description()).contains("training.algorithm");
    checks.awaitDeliveryClosed(delivered.deliveryId(), GitHubChecks.SHORT);
    assertThat(checks.runsOf(sha)).isZero();
  }

  @Test
  void aCommitTheRemoteDoesNotHaveGetsAnErrorStatusAndNoRun() {
    GitHubStack stack = GitHubStack.get();
    GitHubChecks checks = new GitHubChecks(stack);
    byte[] bytes = new byte[20];
    ThreadLocalRandom.current().nextBytes(bytes);
    String missing = HexFormat.of().formatHex(bytes);
    String head = stack.repos().head();
    String push = stack.payloads().push("main", head, missing, List.of(), List.of(SPEC_B));
    GitHubSender.Answer delivered = stack.sender().send("push", push);
    assertThat(delivered.status()).as(delivered.toString()).isEqualTo(202);

    List<FakeGitHub.Status> posted =
        checks.awaitStatus(missing, "tollgate", "error", GitHubChecks.SHORT);
    assertThat(posted).hasSize(1);
    assertThat(posted.get(0).description()).containsIgnoringCase("commit");
    checks.awaitDeliveryClosed(delivered.deliveryId(), GitHubChecks.SHORT);
    assertThat(checks.runsOf(missing)).isZero();
    assertThat(checks.statuses(missing, "tollgate/" + SPEC_B)).isEmpty();
  }

  private static String read(GitRepos repos, String path) {
    try {
      return Files.readString(repos.work().resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
