package dev.tollgate.activities.train.command;

/**
 * What the runner tells the activity while a command runs, and how the activity asks it to stop.
 * Kept free of Temporal types so the runner is tested with plain processes; the train activity
 * implements it on its heartbeat (a heartbeat that learns of a cancellation answers {@link
 * #stopReason} with that reason).
 */
public interface RunListener {

  /**
   * A progress line from the command (from an output thread), fraction between 0 and 1, text
   * possibly empty.
   */
  void progress(double fraction, String text);

  /**
   * Asked from the runner's thread every {@link RunnerSettings#tick}: the reason to stop the
   * command now (cancelled, the worker is stopping), or {@code null} to let it run. The activity
   * heartbeats here.
   */
  String stopReason();

  /** A listener that ignores progress and never stops a run (the timeout still applies). */
  RunListener NONE =
      new RunListener() {
        @Override
        public void progress(double fraction, String text) {}

        @Override
        public String stopReason() {
          return null;
        }
      };
}
