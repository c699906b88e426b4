package dev.tollgate.worker.temporal;

/** Where this worker's Temporal actually is, for log lines and for the CLI that started it. */
public record TemporalTarget(String address, String namespace, boolean embedded) {}
