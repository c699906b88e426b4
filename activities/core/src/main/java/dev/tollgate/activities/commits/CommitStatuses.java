package dev.tollgate.activities.commits;

/**
 * Where a run's result goes back on the commit it trained: a status per spec on the commit, and one
 * comment on the pull request, updated rather than repeated on every push. Core asks only this; the
 * worker hands it an adapter for the repository's host (GitHub: {@code activities/github}).
 *
 * <p>Every failure is a {@link CommitStatusException}: an {@link CommitStatusException.Kind#OUTAGE
 * outage} is worth retrying (at its {@code retryAt} when the host named one), a {@link
 * CommitStatusException.Kind#REJECTED refusal} is not.
 */
public interface CommitStatuses {
  /**
   * Sets {@code status} on {@code sha} of {@code repository} (the host keeps the latest a context).
   */
  void post(RepositoryName repository, String sha, CommitStatus status)
      throws CommitStatusException;

  /**
   * Makes {@code comment} the one comment of its marker on the pull request: the comment that
   * carries {@code comment.marker()} is edited; without one, a comment is added.
   *
   * @return the comment's id at the host, and whether it was added (not edited)
   */
  Upserted upsertComment(RepositoryName repository, int pullRequest, MarkedComment comment)
      throws CommitStatusException;

  /** The comment the host keeps, and whether this call added it. */
  record Upserted(long id, boolean created) {}
}
