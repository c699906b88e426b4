package dev.tollgate.stages;

/**
 * One validation check.
 *
 * @param value the measured value ({@code null} when skipped)
 * @param threshold the limit in words, e.g. "≤ 75"
 * @param message one line a reviewer can read
 */
public record CheckResult(
    String name, Double value, String threshold, Status status, String message) {

  /** A skipped check says why (e.g. no Production model to compare with). */
  public enum Status {
    PASS,
    FAIL,
    SKIPPED
  }
}
