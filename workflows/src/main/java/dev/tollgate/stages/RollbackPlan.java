package dev.tollgate.stages;

/**
 * What a rollback will do, checked before anything moves: the version serving now and the one it
 * goes back to, with the spec that built it (JSON; {@code null} for versions registered before
 * specs were kept).
 */
public record RollbackPlan(ModelVersion current, ModelVersion target, String targetSpecJson) {}
