package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.adapters.github.FakeGitHub;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A pull request on the real worker and dev server: the changed spec gets a check run (trained,
 * validated, registered with stage none and reason {@code pull_request}, never deployed, outcome
 * VALIDATED), one status and ONE comment; a second push to the pull request (synchronize, a new
 * delivery) checks again and updates that same comment. GitHub's rate limit on the first call
 * delays the pending status until the limit resets; it is still posted once.
 */
@ExtendWith({SharedStack.class, GitHubStack.class})
class GitHubPullRequestIT {
  private static final int PR = 7;
  private static final String SPEC_B = "specs/" + GitHubStack.MODEL_B + ".yaml";
  private static final String CONTEXT_B = "tollgate/" + SPEC_B;

  @Test
  void aPullRequestGetsACheckRunOneStatusAndOneCommentUpdatedOnTheNextPush() {
    GitHubStack stack = GitHubStack.get();
    GitHubChecks checks = new GitHubChecks(stack);
    GitRepos repos = stack.repos();
    String base = repos.head();
    String first;
    String second;
    repos.branch("tune-b");
    try {
      ItSpecs.write(repos.work().resolve("specs"), GitHubStack.spec(GitHubStack.MODEL_B, 30));
      first = repos.commit("energy b: 30 trees");
      repos.push("tune-b");
      // GitHub's rate limit on the first call (the pending status): posted when it resets, once
      stack.github().rateLimitNext(403, Instant.now().plusSeconds(3).getEpochSecond());
      FakeGitHub.Comment comment = checkRun(stack, checks, "opened", first, base);

      ItSpecs.write(repos.work().resolve("specs"), GitHubStack.spec(GitHubStack.MODEL_B, 35));
      second = repos.commit("energy b: 35 trees");
      repos.push("tune-b");
      FakeGitHub.Comment updated = checkRun(stack, checks, "synchronize", second, base);

      assertThat(updated.id()).isEqualTo(comment.id());
      assertThat(updated.body()).isNotEqualTo(comment.body()).contains(second.substring(0, 7));
    } finally {
      repos.switchTo("main");
    }
    JsonNode record = new RegistryView(stack.cli()).record(GitHubStack.MODEL_B);
    assertThat(RegistryView.versionStages(record)).containsOnly("NONE");
    assertThat(RegistryView.promotions(record)).isZero();
  }

  /** One delivery's check run, its status and the one comment; returns the comment. */
  private static FakeGitHub.Comment checkRun(
      GitHubStack stack, GitHubChecks checks, String action, String sha, String base) {
    String event = stack.payloads().pullRequest(action, PR, "tune-b", sha, "main", base);
    GitHubSender.Answer delivered = stack.sender().send("pull_request", event);
    assertThat(delivered.status()).as(delivered.toString()).isEqualTo(202);

    String runId =
        "pr" + PR + "-" + sha.substring(0, 7) + "-" + delivered.deliveryId().substring(0, 8);
    Runs runs = new Runs(stack.cli(), stack::hint);
    RunStatus done = runs.awaitFinished(GitHubStack.MODEL_B + "/" + runId, GitHubChecks.TO_GATE);
    assertThat(done.outcome()).as(done.toString()).startsWith("VALIDATED");
    checks.awaitRunsOf(sha, 1, GitHubChecks.SHORT);
    assertThat(checks.count("TollgateTrigger = 'pull_request'")).isGreaterThanOrEqualTo(1);

    JsonNode version =
        GitHubPushIT.lastVersion(new RegistryView(stack.cli()).record(GitHubStack.MODEL_B));
    assertThat(version.path("runId").asText()).isEqualTo(runId);
    assertThat(version.path("stage").asText()).isEqualTo("NONE");
    assertThat(version.path("stageReason").asText()).contains("pull_request");
    assertThat(version.path("lineage").path("git_commit").asText()).isEqualTo(sha);

    List<FakeGitHub.Status> posted =
        checks.awaitStatus(sha, CONTEXT_B, "success", GitHubChecks.SHORT);
    assertThat(posted).filteredOn(s -> s.state().equals("success")).hasSize(1);
    assertThat(posted).filteredOn(s -> s.state().equals("pending")).hasSize(1);
    List<FakeGitHub.Comment> comments =
        Await.until(
            "the pull request's comment to name " + sha.substring(0, 7),
            GitHubChecks.SHORT,
            () -> checks.comments(PR),
            list -> list.size() == 1 && list.get(0).body().contains(sha.substring(0, 7)),
            () -> "Comments: " + stack.github().comments + "\n" + stack.hint());
    assertThat(comments.get(0).repo()).isEqualTo(GitHubStack.REPOSITORY);
    assertThat(comments.get(0).body()).contains(GitHubStack.MODEL_B);
    return comments.get(0);
  }
}
