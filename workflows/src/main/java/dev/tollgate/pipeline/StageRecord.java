package dev.tollgate.pipeline;

/**
 * One finished stage: when it started (workflow time), how long it took, whether it went well and
 * its key figure in words ("rmse 41.2, r2 0.87").
 */
public record StageRecord(
    Stage stage, long startedAtMillis, long durationMillis, boolean ok, String summary) {}
