package dev.tollgate.cli.git;

import dev.tollgate.activities.commits.GitProcess;
import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.stages.CommitLineage;
import dev.tollgate.stages.RemoteUrls;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code tollgate run --git}: the commit of the repository the spec's folder is in, read with the
 * {@code git} CLI. The repository is the {@code origin} remote's URL (else the first remote's)
 * without credentials, or the work tree's local path when there is no remote; the ref is the
 * branch, else a tag pointing at HEAD, else none (a detached HEAD); the author is the commit
 * author's name only (an e-mail address is personal data the run's audience does not need); dirty
 * means {@code git status} lists a change, untracked files included.
 */
public final class CommitReader {
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  private CommitReader() {}

  /** The commit of the repository holding {@code spec}; a usage failure (exit 2) when none. */
  public static CommitLineage forSpec(Path spec) {
    return forSpec(spec, new Git(folder(spec), TIMEOUT));
  }

  static Path folder(Path spec) {
    return spec.toAbsolutePath().normalize().getParent();
  }

  static CommitLineage forSpec(Path spec, Git git) {
    try {
      return read(git, spec);
    } catch (GitProcess.GitFailure e) {
      throw new CliFailure(ExitCodes.USAGE, "--git: " + e.getMessage());
    }
  }

  private static CommitLineage read(Git git, Path spec) {
    String top = git.run("rev-parse", "--show-toplevel");
    if (top == null || top.isEmpty()) {
      throw new CliFailure(
          ExitCodes.USAGE,
          "--git: the spec "
              + spec
              + " is not in a git repository; leave out --git, or keep the spec in one");
    }
    String sha = git.run("rev-parse", "--verify", "-q", "HEAD^{commit}");
    if (sha == null || !CommitLineage.FULL_SHA.matcher(sha).matches()) {
      throw new CliFailure(
          ExitCodes.USAGE, "--git: the repository " + top + " has no commit yet; commit first");
    }
    String author = git.run("log", "-1", "--format=%an", sha);
    String status = git.run("status", "--porcelain", "--untracked-files=normal");
    return new CommitLineage(
        repository(git, top),
        ref(git),
        sha,
        author == null || author.isBlank() ? null : author,
        status == null || !status.isEmpty());
  }

  /** The branch, else a tag at HEAD, else {@code null} (detached). */
  private static String ref(Git git) {
    String branch = git.run("symbolic-ref", "-q", "--short", "HEAD");
    if (branch != null && !branch.isEmpty()) return branch;
    String tags = git.run("tag", "--points-at", "HEAD", "--sort=-creatordate");
    if (tags != null && !tags.isEmpty()) return tags.lines().findFirst().orElseThrow();
    return null;
  }

  private static String repository(Git git, String top) {
    String url = git.run("config", "--get", "remote.origin.url");
    if (url == null || url.isEmpty()) {
      String remotes = git.run("remote");
      String first = remotes == null ? null : remotes.lines().findFirst().orElse(null);
      if (first != null) url = git.run("config", "--get", "remote." + first + ".url");
    }
    return url == null || url.isEmpty() ? top : RemoteUrls.withoutCredentials(url);
  }
}
