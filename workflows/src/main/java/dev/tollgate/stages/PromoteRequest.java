package dev.tollgate.stages;

/** Promote {@code version} of {@code model} to Production, on behalf of a run and an approver. */
public record PromoteRequest(String model, int version, String runId, String approvedBy) {}
