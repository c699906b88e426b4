package dev.tollgate.activities.commits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.github.DeliveryPlan;
import dev.tollgate.github.PlannedRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetching when the server will not serve a commit by id, and two deliveries of one commit. */
class CommitFetchTest {
  @TempDir Path root;

  CommitActivitiesImpl activities(TestRepo repo, GitProcess git) {
    CheckoutSettings settings =
        new CheckoutSettings(
            repo.remoteUrl(),
            root.resolve("home/github"),
            root.resolve("checkouts"),
            List.of("specs"),
            Duration.ofSeconds(60));
    return new CommitActivitiesImpl(
        new CommitCheckouts(settings, git), git, null, Clock.systemUTC(), null);
  }

  TestRepo twoCommits() throws Exception {
    TestRepo repo = new TestRepo(root);
    repo.write("specs/energy.yaml", CommitPlanTest.ENERGY).write("specs/load.csv", "hour,load\n");
    return repo;
  }

  @Test
  void aServerThatRefusesACommitByIdHasItsBranchesFetchedInstead() throws Exception {
    TestRepo repo = twoCommits();
    String first = repo.commit("first");
    repo.write("README.md", "x\n");
    repo.commit("second: the branch's tip is no longer the first");
    // git's protocol v0 asks only for advertised refs, as a server without
    // uploadpack.allowReachableSHA1InWant wants: the first commit by id is refused
    Path v0 = root.resolve("git-v0");
    Files.writeString(v0, "#!/bin/sh\nexec git -c protocol.version=0 \"$@\"\n");
    Files.setPosixFilePermissions(v0, PosixFilePermissions.fromString("rwx------"));
    GitProcess git = new GitProcess(v0.toString(), Duration.ofSeconds(60));

    DeliveryPlan plan =
        activities(repo, git).plan(CommitPlanTest.delivery("push", "0".repeat(40), first));

    assertThat(plan.commit().sha()).isEqualTo(first);
    assertThat(plan.runs()).extracting(PlannedRun::specPath).containsExactly("specs/energy.yaml");
    assertThat(root.resolve("checkouts").resolve(first).resolve("README.md")).doesNotExist();
  }

  @Test
  void twoDeliveriesOfOneCommitAtOnceShareOneWholeCheckout() throws Exception {
    TestRepo repo = twoCommits();
    String sha = repo.commit("first");
    CommitActivitiesImpl activities = activities(repo, new GitProcess(Duration.ofSeconds(60)));
    Callable<DeliveryPlan> plan = () -> activities.plan(CommitPlanTest.delivery("push", "", sha));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<DeliveryPlan>> all = pool.invokeAll(List.of(plan, plan, plan, plan));
      for (Future<DeliveryPlan> f : all) {
        assertThat(f.get().runs()).hasSize(1);
      }
    } finally {
      pool.shutdownNow();
    }
    try (var entries = Files.list(root.resolve("checkouts"))) {
      assertThat(entries.map(p -> p.getFileName().toString()).toList())
          .as("no half-laid-out folder left behind")
          .containsExactly(sha);
    }
  }

  @Test
  void specsTheCommitLinksToFromOutsideItAreNotRead() throws Exception {
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(outside.resolve("energy.yaml"), CommitPlanTest.ENERGY);
    TestRepo repo = new TestRepo(root);
    repo.write("README.md", "x\n");
    Files.createDirectories(repo.work.resolve("models"));
    Files.createSymbolicLink(repo.work.resolve("specs"), outside);
    Files.createSymbolicLink(
        repo.work.resolve("models/energy.yaml"), outside.resolve("energy.yaml"));
    String sha = repo.commit("links");
    CheckoutSettings settings =
        new CheckoutSettings(
            repo.remoteUrl(),
            root.resolve("home/github"),
            root.resolve("checkouts"),
            List.of("specs", "models"),
            Duration.ofSeconds(60));
    GitProcess git = new GitProcess(Duration.ofSeconds(60));
    var activities =
        new CommitActivitiesImpl(
            new CommitCheckouts(settings, git), git, null, Clock.systemUTC(), null);

    DeliveryPlan plan = activities.plan(CommitPlanTest.delivery("push", "", sha));

    assertThat(plan.runs()).isEmpty();
    assertThat(plan.problems()).isEmpty();
    assertThat(Files.isSymbolicLink(root.resolve("checkouts").resolve(sha).resolve("specs")))
        .isTrue();
  }
}
