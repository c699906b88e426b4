package dev.tollgate.github;

/**
 * Whether GitHub took it.
 *
 * @param posted false when GitHub refused it (a bad token, no access, a commit it does not know)
 * @param note why not, for the history and the log; empty when posted
 */
public record StatusPosted(boolean posted, String note) {}
