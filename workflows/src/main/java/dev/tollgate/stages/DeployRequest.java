package dev.tollgate.stages;

import dev.tollgate.spec.DataSpec;
import dev.tollgate.spec.DeploySpec;

/**
 * Deploy {@code version} to the target in {@code deploy}; {@code data} gives smoke-test rows;
 * {@code servingName} is local serving's key for a non-production environment ({@code
 * energy-load.staging}), {@code null} = the model's name (older payloads too); {@code authority}
 * says who let it into service ({@code null}: not known, as in older payloads).
 */
public record DeployRequest(
    ModelVersion version,
    DeploySpec deploy,
    DataSpec data,
    String runId,
    String servingName,
    DeployAuthority authority) {

  /** Production: served under the model's own name. */
  public DeployRequest(ModelVersion version, DeploySpec deploy, DataSpec data, String runId) {
    this(version, deploy, data, runId, null, null);
  }

  /** Without who let it into service. */
  public DeployRequest(
      ModelVersion version, DeploySpec deploy, DataSpec data, String runId, String servingName) {
    this(version, deploy, data, runId, servingName, null);
  }

  /** Local serving's key: {@code servingName}, else the model's name. */
  public String servedAs() {
    return servingName == null ? version.model() : servingName;
  }
}
