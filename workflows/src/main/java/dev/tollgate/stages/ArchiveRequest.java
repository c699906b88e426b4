package dev.tollgate.stages;

/**
 * Archives a version that will never serve (a failed smoke test, a rejected candidate), with the
 * reason on record: {@code smoke_failed}, {@code rejected_by_validation}, ...
 */
public record ArchiveRequest(String model, int version, String runId, String by, String reason) {}
