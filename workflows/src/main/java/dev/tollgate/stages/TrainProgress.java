package dev.tollgate.stages;

/**
 * Heartbeat details of the train activity: the Temporal UI shows them, and {@code tollgate status}
 * decodes them from the pending activity to draw a progress bar. A retried attempt does not resume
 * from them (training is deterministic and starts over); they only report.
 *
 * @param phase loading, training, scoring or storing
 * @param rows the rows the phase works on
 * @param done trees built (or iterations run) so far, in the training phase
 * @param total trees (or iterations) to build; 0 when the algorithm does not count
 * @param elapsedMillis since the attempt started
 */
public record TrainProgress(String phase, int rows, int done, int total, long elapsedMillis) {

  /** The share done in {@code [0, 1]}, or -1 when the phase does not count. */
  public double fraction() {
    return total <= 0 ? -1 : Math.min(1.0, Math.max(0, done) / (double) total);
  }
}
