package dev.tollgate.activities.commits;

import java.util.regex.Pattern;

/** What a fetched commit changed, and who wrote it, read from its cache repository. */
final class CommitDiffs {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");

  private final CommitCheckouts checkouts;
  private final GitProcess git;

  CommitDiffs(CommitCheckouts checkouts, GitProcess git) {
    this.checkouts = checkouts;
    this.git = git;
  }

  /**
   * The files changed from {@code base} to the checkout's commit: a push compares with {@code base}
   * itself, a pull request with the merge base of {@code base} and its head (what the pull request
   * adds, not what the base branch gained since). No base, or one the remote does not have:
   * everything.
   */
  ChangedFiles changed(
      CommitCheckouts.Checkout at, RepositoryName repository, String base, boolean pullRequest) {
    if (ChangedFiles.noBase(base)) return ChangedFiles.everything();
    String from = base.strip().toLowerCase(java.util.Locale.ROOT);
    if (!SHA.matcher(from).matches() || !checkouts.fetchIfAbsent(at, repository, from)) {
      return ChangedFiles.everything();
    }
    if (pullRequest) {
      GitProcess.Result mergeBase = git.run(at.repository(), "merge-base", from, at.sha());
      if (!mergeBase.ok() || mergeBase.out().isBlank()) return ChangedFiles.everything();
      from = mergeBase.out().strip();
    }
    GitProcess.Result diff =
        git.run(at.repository(), "diff", "--name-only", "-z", "--no-renames", from, at.sha());
    return diff.ok() ? ChangedFiles.fromDiff(diff.out()) : ChangedFiles.everything();
  }

  /** The commit's author's name (never the e-mail address), or {@code null}. */
  String author(CommitCheckouts.Checkout at) {
    GitProcess.Result r = git.run(at.repository(), "log", "-1", "--format=%an", at.sha());
    String name = r.ok() ? r.out().strip() : "";
    return name.isEmpty() ? null : name;
  }
}
