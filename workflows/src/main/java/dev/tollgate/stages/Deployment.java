package dev.tollgate.stages;

import dev.tollgate.spec.DataSpec;

/**
 * A version in service.
 *
 * @param location where it serves (for local: the path of the serving pointer current.json)
 */
public record Deployment(ModelVersion version, String target, String location, DataSpec data) {}
