package dev.tollgate.activities.commits;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkouts nobody planned for the retention go; what the worker did not make stays. */
class CheckoutPrunerTest {
  static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  @TempDir Path root;

  @Test
  void aNewCheckoutDeletesExpiredOnesAndARePlannedOneIsKept() throws Exception {
    TestRepo repo = new TestRepo(root);
    repo.write("specs/energy.yaml", CommitPlanTest.ENERGY);
    String first = repo.commit("first");
    repo.write("README.md", "x\n");
    String second = repo.commit("second");
    Path checkouts = root.resolve("checkouts");
    Path old = Files.createDirectories(checkouts.resolve("b".repeat(40)).resolve("specs"));
    Path leftover =
        Files.createDirectories(checkouts.resolve(".incoming-" + "c".repeat(40) + "-7"));
    Path notOurs = Files.createDirectories(checkouts.resolve("keep-me"));
    CommitCheckouts checkoutsOf = checkouts(repo, NOW);
    RepositoryName name = RepositoryName.of(TestRepo.REPOSITORY);
    Path firstCheckout = checkoutsOf.fetch(name, first).files();
    FileTime month = FileTime.from(NOW.minus(Duration.ofDays(30)));
    for (Path p : List.of(old.getParent(), leftover, notOurs, firstCheckout)) {
      Files.setLastModifiedTime(p, month);
    }
    checkoutsOf.fetch(name, first); // planned again: kept for another 14 days

    // an hour on (the pruner looks at most once an hour)
    checkouts(repo, NOW.plus(Duration.ofHours(1))).fetch(name, second);

    assertThat(old.getParent()).doesNotExist();
    assertThat(leftover).doesNotExist();
    assertThat(notOurs).exists();
    assertThat(firstCheckout.resolve("specs/energy.yaml")).exists();
    assertThat(checkouts.resolve(second)).exists();
  }

  CommitCheckouts checkouts(TestRepo repo, Instant now) {
    return new CommitCheckouts(
        new CheckoutSettings(
            repo.remoteUrl(),
            root.resolve("home/github"),
            root.resolve("checkouts"),
            List.of("specs"),
            Duration.ofSeconds(60),
            Duration.ofDays(14)),
        new GitProcess(Duration.ofSeconds(60)),
        Clock.fixed(now, ZoneOffset.UTC));
  }
}
