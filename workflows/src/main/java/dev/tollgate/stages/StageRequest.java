package dev.tollgate.stages;

/** A version that passed its smoke test in {@code environment} (staging) before the approval. */
public record StageRequest(String model, int version, String runId, String environment) {}
