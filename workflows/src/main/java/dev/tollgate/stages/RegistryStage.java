package dev.tollgate.stages;

/**
 * Where a registered version stands. One version of a model is PRODUCTION at a time, one STAGING.
 * NONE: registered, never deployed (a candidate, or one that failed a gate: see its reason).
 */
public enum RegistryStage {
  NONE,
  STAGING,
  PRODUCTION,
  ARCHIVED
}
