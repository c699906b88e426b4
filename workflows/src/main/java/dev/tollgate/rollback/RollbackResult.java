package dev.tollgate.rollback;

/**
 * How a rollback ended.
 *
 * @param restored true when {@code toVersion} serves and is Production; false when its smoke test
 *     failed and {@code fromVersion} serves still
 * @param message the smoke test's message, or why it was not restored
 */
public record RollbackResult(
    String model, int fromVersion, int toVersion, boolean restored, String message) {

  /** "ROLLED BACK energy-load v3 -> v2" or "ROLLBACK FAILED energy-load v3 -> v2: ...". */
  public String headline() {
    return restored
        ? "ROLLED BACK " + model + " v" + fromVersion + " -> v" + toVersion
        : "ROLLBACK FAILED " + model + " v" + fromVersion + " -> v" + toVersion + ": " + message;
  }
}
