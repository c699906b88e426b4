package dev.tollgate.spec;

/** What kind of model a pipeline trains; decides the metrics and the algorithms allowed. */
public enum Task {
  REGRESSION,
  CLASSIFICATION,
  ANOMALY
}
