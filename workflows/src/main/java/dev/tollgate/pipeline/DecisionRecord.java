package dev.tollgate.pipeline;

/**
 * One entry of the approval audit trail.
 *
 * @param accepted false when the decision was ignored (e.g. a signal from someone not listed)
 * @param via "update", "signal" or "timeout"
 * @param note why it was ignored, or the timeout rule applied
 */
public record DecisionRecord(
    String by,
    boolean approve,
    String comment,
    long atMillis,
    String via,
    boolean accepted,
    String note) {}
