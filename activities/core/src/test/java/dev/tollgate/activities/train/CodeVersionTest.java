package dev.tollgate.activities.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training code's version for lineage: git commit and dirty flag, else a folder digest. */
class CodeVersionTest {
  @TempDir Path dir;

  private void git(String... args) throws Exception {
    List<String> argv = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
    argv.addAll(List.of(args));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0).as(argv.toString()).isTrue();
  }

  @Test
  void aFolderOutsideGitIsDigestedByItsFilesSkippingVenvsAndCaches() throws Exception {
    Files.writeString(dir.resolve("train.py"), "print(1)\n");
    String first = CodeVersion.of(dir);
    assertThat(first).matches("sha256:[0-9a-f]{64}");
    Files.createDirectories(dir.resolve("__pycache__"));
    Files.writeString(dir.resolve("__pycache__/train.pyc"), "x");
    assertThat(CodeVersion.of(dir)).as("caches do not count").isEqualTo(first);
    Files.writeString(dir.resolve("train.py"), "print(2)\n");
    assertThat(CodeVersion.of(dir)).as("the code does").isNotEqualTo(first);
  }

  @Test
  void aGitWorkTreeGivesItsCommitAndWhetherItIsDirty() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/git")), "git is not installed");
    git("init", "-q");
    git("config", "user.email", "t@example.com");
    git("config", "user.name", "t");
    Files.writeString(dir.resolve("train.py"), "print(1)\n");
    git("add", "train.py");
    git("commit", "-q", "-m", "first");
    String clean = CodeVersion.of(dir);
    assertThat(clean).matches("git:[0-9a-f]{40}");
    Files.writeString(dir.resolve("train.py"), "print(2)\n");
    assertThat(CodeVersion.of(dir)).isEqualTo(clean + "+dirty");
  }
}
