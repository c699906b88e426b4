package dev.tollgate.worker.temporal;

import dev.tollgate.connect.TemporalSecurity;

/**
 * Where this worker's Temporal actually is and how to authenticate, for the connection, log lines
 * and the CLI that started it.
 */
public record TemporalTarget(
    String address, String namespace, boolean embedded, TemporalSecurity security) {}
