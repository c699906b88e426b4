package dev.tollgate.github;

/**
 * The pull request's one Tollgate comment: found by {@code key}'s hidden marker and updated, or
 * created.
 *
 * @param repository {@code owner/name}
 * @param pullRequest the pull request's number
 * @param key what makes it the same comment on every push ({@code pr-<number>})
 * @param body markdown
 */
public record CommentPost(String repository, int pullRequest, String key, String body) {}
