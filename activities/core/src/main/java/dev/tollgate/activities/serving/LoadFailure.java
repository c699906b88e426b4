package dev.tollgate.activities.serving;

/**
 * A version a serving pointer names that could not be loaded, and why (the loader's message, no
 * stack trace). Serving stays on what it served before and tries again at the next look at the
 * pointer.
 *
 * @param version the version that failed (the canary's, when it was the canary)
 */
public record LoadFailure(int version, String reason) {}
