package dev.tollgate.stages;

/**
 * A newly registered candidate and the version serving in Production when it was registered ({@code
 * null} for a model's first), from one registry call: validation compares the two.
 */
public record RegisteredCandidate(ModelVersion candidate, ModelVersion production) {}
