package dev.tollgate.cli.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.cli.common.CliFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --git} when git is missing or hangs: a usage error saying so, never a hung CLI. */
class GitFailuresTest {
  @TempDir Path dir;

  @Test
  void noGitIsAUsageErrorSayingSo() {
    Git missing = new Git(dir.resolve("no-such-git").toString(), dir, Duration.ofSeconds(5));
    assertThatThrownBy(() -> CommitReader.forSpec(dir.resolve("spec.yaml"), missing))
        .isInstanceOf(CliFailure.class)
        .hasMessage("--git: git is not installed (or not on the PATH)")
        .extracting(e -> ((CliFailure) e).exitCode())
        .isEqualTo(2);
  }

  @Test
  void aHungGitIsStoppedAtItsTimeout() throws Exception {
    Path hung = dir.resolve("hung-git");
    Files.writeString(hung, "#!/bin/sh\nexec sleep 30\n");
    Files.setPosixFilePermissions(hung, PosixFilePermissions.fromString("rwx------"));
    Git git = new Git(hung.toString(), dir, Duration.ofSeconds(1));

    long start = System.nanoTime();
    assertThatThrownBy(() -> CommitReader.forSpec(dir.resolve("spec.yaml"), git))
        .isInstanceOf(CliFailure.class)
        .hasMessage("--git: git rev-parse did not finish in 1s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }
}
