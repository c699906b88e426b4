package dev.tollgate.stages;

/**
 * Who cancelled a run, and what came of it.
 *
 * @param by the name, or "unknown" for a cancel sent to Temporal directly
 * @param reason why, or "no reason given"
 * @param via "claim", "mtls" or "temporal"
 * @param during the stage the run was in (its enum name, "AWAITING_APPROVAL"), or {@code null}
 * @param note what the clean-up did ("v2 serves again"), or {@code null}
 */
public record CancelSummary(String by, String reason, String via, String during, String note) {}
