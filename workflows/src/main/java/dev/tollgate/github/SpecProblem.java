package dev.tollgate.github;

/**
 * An affected spec that no longer parses at the delivery's commit: a failed status, no run.
 *
 * @param specPath the spec's path in the repository
 * @param key the key at fault ({@code training.algorithm}), or empty when the file as a whole is
 * @param message what was expected, never the raw value of a secret
 */
public record SpecProblem(String specPath, String key, String message) {}
