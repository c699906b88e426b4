package dev.tollgate.cli.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.stages.CommitLineage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --git}'s reading of a real repository, made with the git CLI. */
class CommitReaderTest {
  @TempDir Path dir;

  private GitRepo repoWithSpec() {
    GitRepo repo = GitRepo.init(dir);
    repo.write("spec.yaml", "model: m\n");
    return repo;
  }

  @Test
  void aCleanTreeOnABranch() {
    GitRepo repo = repoWithSpec();
    String sha = repo.commitAll("first");

    CommitLineage c = CommitReader.forSpec(dir.resolve("spec.yaml"));

    assertThat(c.sha()).isEqualTo(sha).hasSize(40);
    assertThat(c.ref()).isEqualTo("main");
    assertThat(c.author()).isEqualTo("Ada Lovelace");
    assertThat(c.dirty()).isFalse();
    assertThat(c.repository()).isEqualTo(repo.git("rev-parse", "--show-toplevel"));
    assertThat(c.label()).isEqualTo("main@" + sha.substring(0, 7));
  }

  @Test
  void aChangedOrUntrackedFileMakesItDirty() {
    GitRepo repo = repoWithSpec();
    repo.commitAll("first");
    repo.write("spec.yaml", "model: changed\n");

    assertThat(CommitReader.forSpec(dir.resolve("spec.yaml")).dirty()).isTrue();

    repo.commitAll("second");
    repo.write("train.py", "print('new')\n");
    assertThat(CommitReader.forSpec(dir.resolve("spec.yaml")).dirty()).isTrue();
  }

  @Test
  void aDetachedHeadHasNoRefButATagNamesIt() {
    GitRepo repo = repoWithSpec();
    String first = repo.commitAll("first");
    repo.write("spec.yaml", "model: m2\n");
    repo.commitAll("second");
    repo.git("checkout", "-q", "--detach", first);

    CommitLineage detached = CommitReader.forSpec(dir.resolve("spec.yaml"));
    assertThat(detached.sha()).isEqualTo(first);
    assertThat(detached.ref()).isNull();
    assertThat(detached.label()).isEqualTo(first.substring(0, 7));

    repo.git("tag", "v1.0");
    assertThat(CommitReader.forSpec(dir.resolve("spec.yaml")).ref()).isEqualTo("v1.0");
  }

  @Test
  void aSpecInASubfolderUsesTheRepositoryAround() throws Exception {
    GitRepo repo = repoWithSpec();
    Files.createDirectories(dir.resolve("models/energy"));
    repo.write("models/energy/spec.yaml", "model: e\n");
    String sha = repo.commitAll("first");

    assertThat(CommitReader.forSpec(dir.resolve("models/energy/spec.yaml")).sha()).isEqualTo(sha);
  }

  @Test
  void aRemoteIsRecordedWithoutItsCredentials() {
    GitRepo repo = repoWithSpec();
    repo.commitAll("first");
    repo.git(
        "remote",
        "add",
        "origin",
        "https://x-access-token:ghp_SECRET123@github.com/acme/energy.git?token=SECRET456");

    CommitLineage c = CommitReader.forSpec(dir.resolve("spec.yaml"));

    assertThat(c.repository()).isEqualTo("https://github.com/acme/energy.git");
    assertThat(c.toString()).doesNotContain("SECRET").doesNotContain("x-access-token");
    assertThat(c.lineage().toString()).doesNotContain("SECRET");
  }

  @Test
  void anotherRemoteIsUsedWhenThereIsNoOrigin() {
    GitRepo repo = repoWithSpec();
    repo.commitAll("first");
    repo.git("remote", "add", "upstream", "git@github.com:acme/energy.git");

    assertThat(CommitReader.forSpec(dir.resolve("spec.yaml")).repository())
        .isEqualTo("github.com:acme/energy.git");
  }

  @Test
  void aSpecOutsideAnyRepositoryIsAUsageError() throws Exception {
    // a folder whose parents are not a repository either: stop git looking above the temp dir
    Path alone = Files.createDirectories(dir.resolve("alone"));
    Files.writeString(alone.resolve("spec.yaml"), "model: m\n");
    Files.writeString(dir.resolve(".git"), "gitdir: /nonexistent\n");

    assertThatThrownBy(() -> CommitReader.forSpec(alone.resolve("spec.yaml")))
        .isInstanceOf(CliFailure.class)
        .hasMessageContaining("is not in a git repository")
        .extracting(e -> ((CliFailure) e).exitCode())
        .isEqualTo(2);
  }

  @Test
  void aRepositoryWithoutACommitIsAUsageError() {
    repoWithSpec();
    assertThatThrownBy(() -> CommitReader.forSpec(dir.resolve("spec.yaml")))
        .isInstanceOf(CliFailure.class)
        .hasMessageContaining("has no commit yet");
  }
}
