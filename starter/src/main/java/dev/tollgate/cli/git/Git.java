package dev.tollgate.cli.git;

import dev.tollgate.activities.commits.GitProcess;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code git} CLI in one folder, over the worker's {@link GitProcess}: each command with a
 * timeout (a hung git must not hang {@code tollgate run}), a clean environment (no {@code GIT_DIR}
 * of the caller's shell, no prompt), and stderr discarded so nothing git prints (a URL with a token
 * in it) reaches the user's terminal.
 */
final class Git {
  private final GitProcess git;
  private final Path dir;

  Git(Path dir, Duration timeout) {
    this(new GitProcess(timeout), dir);
  }

  /** {@code program}: another git executable (the tests' stand-ins for a missing or hung one). */
  Git(String program, Path dir, Duration timeout) {
    this(new GitProcess(program, timeout), dir);
  }

  private Git(GitProcess git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  /**
   * What a git command printed, trimmed; {@code null} when it failed.
   *
   * @throws GitProcess.GitFailure when git is missing or did not finish in time
   */
  String run(String... args) {
    GitProcess.Result result = git.run(dir, args);
    return result.ok() ? result.out().trim() : null;
  }
}
