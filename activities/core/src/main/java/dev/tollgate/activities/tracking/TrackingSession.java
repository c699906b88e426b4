package dev.tollgate.activities.tracking;

import java.util.Map;

/**
 * One validation's tracking, between {@link RunTracker#open} and {@link #finish}: the tracked run
 * (or the warning why there is none) and the champion's metrics (or why they could not be read).
 */
public interface TrackingSession {

  /**
   * The version holding the tracker's {@code champion} alias.
   *
   * @param version the tracker's own version number
   * @param tollgateVersion the Tollgate version it mirrors, or {@code null} when registered by
   *     someone else
   * @param metrics the latest metrics of the run that logged it
   */
  record Champion(String version, String tollgateVersion, Map<String, Double> metrics) {
    public Champion {
      metrics = Map.copyOf(metrics);
    }

    /** "MLflow's champion (version 3, Tollgate v5)". */
    public String label() {
      return "MLflow's champion (version "
          + version
          + (tollgateVersion == null ? "" : ", Tollgate v" + tollgateVersion)
          + ")";
    }
  }

  /** Why the run could not be logged, or {@code null}. */
  String warning();

  /** The champion, or {@code null} when no version holds the alias or it could not be read. */
  Champion champion();

  /** Why the champion could not be read, or {@code null}. */
  String championWarning();

  /**
   * Uploads {@code artifacts} (path under the run's root to bytes), adds {@code tags}, registers
   * the model version and marks the run finished.
   *
   * @return {@code null} when all went up, else the warning (also when the run was never opened)
   */
  String finish(Map<String, byte[]> artifacts, Map<String, String> tags);
}
