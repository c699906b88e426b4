package dev.tollgate.stages;

import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.DeploySpec;

/** Deploy {@code version} to the target in {@code deploy}; {@code data} gives smoke-test rows. */
public record DeployRequest(ModelVersion version, DeploySpec deploy, DataSpec data, String runId) {}
