package dev.tollgate.stages;

/**
 * What a rollback will do, checked before anything moves: the version serving now and the one it
 * goes back to.
 */
public record RollbackPlan(ModelVersion current, ModelVersion target) {}
