package dev.tollgate.activities.serving;

/**
 * What one assigned model serves in this process, for readiness.
 *
 * @param version the stable version loaded, {@code null} when none is
 * @param failure a newer version that could not be loaded (serving stays on {@code version}), or
 *     null
 * @param missing why nothing serves, {@code null} when {@code version} does
 */
public record ModelState(String model, Integer version, LoadFailure failure, String missing) {
  public boolean loaded() {
    return version != null;
  }
}
