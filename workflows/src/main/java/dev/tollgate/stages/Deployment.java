package dev.tollgate.stages;

import dev.tollgate.spec.DataSpec;

/**
 * A version in service.
 *
 * @param location where it serves (for local: the path of the serving pointer current.json)
 */
public record Deployment(
    ModelVersion version, String target, String location, DataSpec data, String servingName) {

  public Deployment(ModelVersion version, String target, String location, DataSpec data) {
    this(version, target, location, data, null);
  }

  /** The name it is served under: {@code servingName}, else the model's. */
  public String servedAs() {
    return servingName == null ? version.model() : servingName;
  }
}
