package dev.tollgate.github;

/**
 * One commit status to post.
 *
 * @param repository {@code owner/name}
 * @param sha the commit
 * @param context {@code tollgate/<spec path>}, or {@code tollgate} for the delivery as a whole
 * @param state {@code pending}, {@code success}, {@code failure} or {@code error}
 * @param description at most 140 characters are kept
 * @param targetUrl a link for the status's Details, or {@code null}
 */
public record StatusPost(
    String repository,
    String sha,
    String context,
    String state,
    String description,
    String targetUrl) {}
