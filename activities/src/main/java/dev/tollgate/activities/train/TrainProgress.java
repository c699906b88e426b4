package dev.tollgate.activities.train;

/**
 * Heartbeat details of the train stage, visible in the Temporal UI while it runs.
 *
 * @param phase loading, training, scoring or storing
 * @param rows the rows the phase works on
 * @param elapsedMillis since the attempt started
 */
public record TrainProgress(String phase, int rows, long elapsedMillis) {}
