package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.adapters.github.FakeGitHub;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A push on the real worker and dev server: the commit is fetched from the worker's remote (a local
 * bare repository), exactly one run starts for the one spec of two that changed, with the commit in
 * its search attributes and the registry's lineage, a redelivery starts nothing, and the spec's
 * status goes pending then success on the commit — posted once each although GitHub answered the
 * first request 500.
 */
@ExtendWith({SharedStack.class, GitHubStack.class})
class GitHubPushIT {
  private static final String SPEC_A = "specs/" + GitHubStack.MODEL_A + ".yaml";
  private static final String CONTEXT_A = "tollgate/" + SPEC_A;

  @Test
  void aPushStartsOneRunForTheSpecItChangedAndTheStatusGoesBackOnTheCommit() {
    GitHubStack stack = GitHubStack.get();
    GitHubChecks checks = new GitHubChecks(stack);
    Cli cli = stack.cli();
    GitRepos repos = stack.repos();
    String before = repos.head();
    ItSpecs.write(repos.work().resolve("specs"), GitHubStack.spec(GitHubStack.MODEL_A, 25));
    String sha = repos.commit("energy a: more trees");
    repos.push("main");

    stack.github().failNext(500, "GitHub is having a bad day"); // the first status is retried
    String push = stack.payloads().push("main", before, sha, List.of(), List.of(SPEC_A));
    GitHubSender.Answer delivered = stack.sender().send("push", push);
    assertThat(delivered.status()).as(delivered.toString()).isEqualTo(202);
    GitHubSender.Answer redelivered = stack.sender().send("push", push, delivered.deliveryId());
    assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(200);

    String runId = "push-" + sha.substring(0, 7) + "-" + delivered.deliveryId().substring(0, 8);
    String run = GitHubStack.MODEL_A + "/" + runId;
    Runs runs = new Runs(cli, stack::hint);
    runs.awaitStage(run, "AWAITING_APPROVAL", GitHubChecks.TO_GATE);
    checks.awaitRunsOf(sha, 1, GitHubChecks.SHORT);
    assertThat(
            checks.count(
                "TollgateModel = '" + GitHubStack.MODEL_B + "' AND TollgateCommit = '" + sha + "'"))
        .isZero();
    assertThat(checks.count("TollgateTrigger = 'push'")).isGreaterThanOrEqualTo(1);
    ProcResult byCommit = cli.run("runs", "--commit", sha.substring(0, 7));
    assertThat(byCommit.out()).as(byCommit.toString()).contains("pipeline/" + run);

    assertThat(cli.approve(run, "alice").exitCode()).isZero();
    RunStatus done = runs.awaitFinished(run, GitHubChecks.TO_GATE);
    assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED");
    // the delivery follows its run to the end, then posts the final status
    checks.awaitDeliveryClosed(delivered.deliveryId(), GitHubChecks.SHORT);
    checks.awaitRunsOf(sha, 1, GitHubChecks.SHORT); // the redelivery added none meanwhile

    JsonNode version = lastVersion(new RegistryView(cli).record(GitHubStack.MODEL_A));
    assertThat(version.path("runId").asText()).isEqualTo(runId);
    assertThat(version.path("lineage").path("git_commit").asText()).isEqualTo(sha);

    List<FakeGitHub.Status> posted =
        checks.awaitStatus(sha, CONTEXT_A, "success", GitHubChecks.SHORT);
    assertThat(posted).extracting(FakeGitHub.Status::repo).containsOnly(GitHubStack.REPOSITORY);
    assertThat(posted.get(0).state()).isEqualTo("pending");
    assertThat(posted.get(posted.size() - 1).state()).isEqualTo("success");
    assertThat(posted).filteredOn(s -> s.state().equals("success")).hasSize(1);
    assertThat(posted).extracting(FakeGitHub.Status::description).doesNotHaveDuplicates();
    assertThat(checks.statuses(sha, "tollgate/specs/" + GitHubStack.MODEL_B + ".yaml")).isEmpty();
  }

  static JsonNode lastVersion(JsonNode record) {
    JsonNode versions = record.path("versions");
    assertThat(versions.size()).as(record.toString()).isPositive();
    return versions.get(versions.size() - 1);
  }
}
