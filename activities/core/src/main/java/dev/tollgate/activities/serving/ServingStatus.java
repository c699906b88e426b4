package dev.tollgate.activities.serving;

import java.util.List;

/**
 * What serving says of one model in one answer ({@code GET /v1/models/{name}}): the versions it
 * serves and the version it could not load. The smoke test's wait reads both from one request.
 *
 * @param versions stable first, then a canary; empty while nothing is loaded
 * @param loadFailure the version a pointer names that could not be loaded (serving stays on the
 *     previous one), or {@code null}
 */
public record ServingStatus(List<Integer> versions, LoadFailure loadFailure) {

  public ServingStatus {
    versions = List.copyOf(versions);
  }

  /** Whether {@code version} is served (stable or canary). */
  public boolean serves(int version) {
    return versions.contains(version);
  }

  /** Whether serving could not load {@code version}: waiting will not change that. */
  public boolean failedToLoad(int version) {
    return loadFailure != null && loadFailure.version() == version;
  }
}
