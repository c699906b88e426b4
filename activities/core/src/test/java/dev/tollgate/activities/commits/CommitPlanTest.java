package dev.tollgate.activities.commits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.github.CommitActivities;
import dev.tollgate.github.DeliveryPlan;
import dev.tollgate.github.GitHubDelivery;
import dev.tollgate.github.PlannedRun;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A delivery's plan from a real repository: a bare repository made with git, fetched over a file://
 * remote the worker's settings name, its specs found by what the push or pull request changed.
 */
class CommitPlanTest {
  static final String ENERGY =
      """
      model: energy
      task: regression
      data: { train: "file:load.csv", target: load, features: [hour] }
      training: { algorithm: gradient_boosting }
      approval: { approvers: [alice] }
      """;
  static final String CHURN =
      """
      model: churn
      task: regression
      data: { train: "file:load.csv", target: load, features: [hour] }
      training: { command: [python, train.py], workdir: ./trainer }
      approval: { approvers: [alice] }
      """;

  @TempDir Path root;
  TestRepo repo;
  String first;

  @BeforeEach
  void repository() throws Exception {
    repo = new TestRepo(root);
    repo.write("specs/energy.yaml", ENERGY)
        .write("specs/churn.yaml", CHURN)
        .write("specs/load.csv", "hour,load\n1,2\n")
        .write("specs/trainer/train.py", "print('v1')\n")
        .write("specs/compose.yaml", "services: {}\n")
        .write("README.md", "models\n");
    first = repo.commit("first");
  }

  CommitActivitiesImpl activities(String remote) {
    GitProcess git = new GitProcess(Duration.ofSeconds(60));
    CheckoutSettings settings =
        new CheckoutSettings(
            remote,
            root.resolve("home/github"),
            root.resolve("checkouts"),
            List.of("specs"),
            Duration.ofSeconds(60));
    return new CommitActivitiesImpl(
        new CommitCheckouts(settings, git), git, null, Clock.systemUTC(), null);
  }

  DeliveryPlan push(String before, String after) {
    return activities(repo.remoteUrl()).plan(delivery("push", before, after));
  }

  static GitHubDelivery delivery(String event, String base, String sha) {
    return new GitHubDelivery(
        "d-1",
        event,
        event.equals("push") ? "" : "opened",
        TestRepo.REPOSITORY,
        "https://evil.example/not-this.git",
        event.equals("push") ? "refs/heads/main" : "feature",
        sha,
        event.equals("push") ? 0 : 7,
        List.of(),
        base);
  }

  static List<String> specs(DeliveryPlan plan) {
    return plan.runs().stream().map(PlannedRun::specPath).toList();
  }

  @Test
  void aPushThatChangesASpecPlansThatSpecWithTheCommitsLineage() throws Exception {
    repo.write("specs/energy.yaml", ENERGY.replace("[hour]", "[hour, day]"));
    String second = repo.commit("energy: a feature");

    DeliveryPlan plan = push(first, second);

    assertThat(specs(plan)).containsExactly("specs/energy.yaml");
    assertThat(plan.problems()).isEmpty();
    assertThat(plan.commit().sha()).isEqualTo(second);
    assertThat(plan.commit().ref()).isEqualTo("main");
    assertThat(plan.commit().author()).isEqualTo("Ada Lovelace");
    assertThat(plan.commit().dirty()).isFalse();
    assertThat(plan.commit().repository())
        .isEqualTo("file://" + root.resolve("remotes/acme/models.git"))
        .doesNotContain("evil.example");
    Path checkout = root.resolve("checkouts").resolve(second);
    assertThat(plan.runs().getFirst().spec().data().train())
        .as("relative paths resolve inside the checkout")
        .contains(checkout.resolve("specs/load.csv").toString());
    assertThat(checkout.resolve("specs/trainer/train.py")).hasContent("print('v1')");
    assertThat(checkout.resolve(".git")).doesNotExist();
  }

  @Test
  void aChangeToTrainingCodePlansTheSpecThatRunsIt() throws Exception {
    repo.write("specs/trainer/train.py", "print('v2')\n");
    String second = repo.commit("churn: better code");

    assertThat(specs(push(first, second))).containsExactly("specs/churn.yaml");
  }

  @Test
  void anUnrelatedChangePlansNothing() throws Exception {
    repo.write("README.md", "models, documented\n").write("specs/compose.yaml", "x: 1\n");
    String second = repo.commit("docs");

    DeliveryPlan plan = push(first, second);

    assertThat(plan.runs()).isEmpty();
    assertThat(plan.problems()).isEmpty();
  }

  @Test
  void aNewBranchOrABaseTheRemoteLacksPlansEverySpec() throws Exception {
    assertThat(specs(push("0".repeat(40), first)))
        .containsExactly("specs/churn.yaml", "specs/energy.yaml");
    assertThat(specs(push("", first))).hasSize(2);
    assertThat(specs(push("ab".repeat(20), first))).hasSize(2);
  }

  @Test
  void aSpecThatNoLongerParsesIsAProblemNamingItsKeyNotARun() throws Exception {
    repo.write("specs/energy.yaml", ENERGY.replace("gradient_boosting", "no_such_algorithm"));
    String second = repo.commit("broken");

    DeliveryPlan plan = push(first, second);

    assertThat(plan.runs()).isEmpty();
    assertThat(plan.problems()).hasSize(1);
    var problem = plan.problems().getFirst();
    assertThat(problem.specPath()).isEqualTo("specs/energy.yaml");
    assertThat(problem.key()).isEqualTo("training.algorithm");
    assertThat(problem.message()).doesNotContain(root.toString()).isNotBlank();
  }

  @Test
  void aCommitTheRemoteDoesNotHaveFailsForGoodWithoutTheRemotesCredentials() {
    String unknown = "1234567".repeat(5) + "12345";
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () -> activities(repo.remoteUrl()).plan(delivery("push", first, unknown)));

    assertThat(failure.getType()).isEqualTo(CommitActivities.COMMIT_NOT_FOUND);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage()).contains(unknown).contains("acme/models.git");
  }

  @Test
  void anUnreachableRemoteIsRetriedAndItsTokenNeverShown() {
    String remote = "http://x-access-token:ghp_s3cr3t@127.0.0.1:9/{repository}.git";
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class, () -> activities(remote).plan(delivery("push", "", first)));

    assertThat(failure.isNonRetryable()).isFalse();
    assertThat(failure.getType()).isEqualTo("GitUnavailable");
    assertThat(failure.getOriginalMessage())
        .doesNotContain("ghp_s3cr3t")
        .doesNotContain("x-access-token")
        .contains("127.0.0.1:9/acme/models.git");
    assertThat(
            new CheckoutSettings(remote, root, root, List.of(), Duration.ofSeconds(1)).toString())
        .doesNotContain("ghp_s3cr3t");
  }

  @Test
  void aPullRequestIsComparedWithItsMergeBaseNotWithWhatItsBaseGainedSince() throws Exception {
    repo.branch("feature");
    repo.write("specs/trainer/train.py", "print('pr')\n");
    String head = repo.commit("churn: pr");
    repo.checkout("main");
    repo.write("specs/energy.yaml", ENERGY.replace("[hour]", "[hour, day]"));
    String base = repo.commit("energy on main");

    DeliveryPlan plan = activities(repo.remoteUrl()).plan(delivery("pull_request", base, head));

    assertThat(specs(plan)).containsExactly("specs/churn.yaml");
    assertThat(plan.commit().ref()).isEqualTo("feature");
  }

  @Test
  void aSecondDeliveryOfTheSameCommitReusesItsCheckout() throws Exception {
    push("", first);
    Path marker = Files.writeString(root.resolve("checkouts").resolve(first).resolve("m"), "x");

    assertThat(specs(push("", first))).hasSize(2);
    assertThat(marker).exists();
  }
}
