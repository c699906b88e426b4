package dev.tollgate.activities.commits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** git missing, hung, or printing a token on stderr: a retryable failure, never a hung activity. */
class GitProcessTest {
  @TempDir Path dir;

  @Test
  void noGitIsAFailureSayingSo() {
    GitProcess git = new GitProcess(dir.resolve("no-such-git").toString(), Duration.ofSeconds(5));
    assertThatThrownBy(() -> git.run(dir, "fetch"))
        .isInstanceOf(GitProcess.GitFailure.class)
        .hasMessage("git is not installed (or not on the PATH)");
  }

  @Test
  void aHungGitAndWhatItStartedAreKilledAtTheTimeout() throws Exception {
    Path pid = dir.resolve("child.pid");
    Path hung = script("hung-git", "sleep 60 &\necho $! > " + pid + "\nwait\n");
    GitProcess git = new GitProcess(hung.toString(), Duration.ofSeconds(1));

    long start = System.nanoTime();
    assertThatThrownBy(() -> git.run(dir, "fetch", "origin"))
        .isInstanceOf(GitProcess.GitFailure.class)
        .hasMessage("git fetch did not finish in 1s");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    long child = Long.parseLong(Files.readString(pid).strip());
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (running(child) && System.nanoTime() < until) Thread.sleep(50);
    assertThat(running(child)).as("the fetch's child process is gone too").isFalse();
  }

  /** Running, not a zombie nobody reaped yet (a container's init may not reap). */
  private static boolean running(long pid) throws Exception {
    Path stat = Path.of("/proc/" + pid + "/stat");
    if (!Files.exists(stat)) return false;
    try {
      String text = Files.readString(stat);
      return !text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void whatGitPrintsOnStderrIsDroppedAndTheEnvironmentIsClean() throws Exception {
    Path noisy =
        script(
            "noisy-git",
            "echo 'fatal: https://x:ghp_s3cr3t@host/r.git' >&2\n"
                + "echo \"prompt=$GIT_TERMINAL_PROMPT protocols=$GIT_ALLOW_PROTOCOL"
                + " secret=$TOLLGATE_GITHUB_TOKEN\"\nexit 128\n");
    GitProcess.Result r = new GitProcess(noisy.toString(), Duration.ofSeconds(5)).run(dir, "x");

    assertThat(r.ok()).isFalse();
    assertThat(r.out())
        .doesNotContain("ghp_s3cr3t")
        .contains("prompt=0 protocols=file:https:http:ssh:git secret=\n");
  }

  private Path script(String name, String body) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }
}
