package dev.tollgate.stages;

import dev.tollgate.spec.DataSpec;

/**
 * A version in service.
 *
 * @param location where it serves (for local: the serving folder)
 */
public record Deployment(ModelVersion version, String target, String location, DataSpec data) {}
