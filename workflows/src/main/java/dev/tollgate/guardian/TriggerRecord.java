package dev.tollgate.guardian;

import dev.tollgate.pipeline.Trigger;

/**
 * One decision of a guardian, as its trigger log keeps it.
 *
 * @param at when (ISO-8601; for a cron tick, its fire time)
 * @param kind what asked for a run
 * @param decision what the guardian did
 * @param reason why: the drift share, "run X in flight", "cooldown until ..."
 * @param runId the run started (or queued), else {@code null}
 * @param outcome the run's outcome once it ended, else {@code null}
 */
public record TriggerRecord(
    String at, Trigger kind, Decision decision, String reason, String runId, String outcome) {

  public enum Decision {
    STARTED,
    QUEUED,
    SKIPPED
  }

  public TriggerRecord withOutcome(String outcome) {
    return new TriggerRecord(at, kind, decision, reason, runId, outcome);
  }

  public TriggerRecord withDecision(Decision decision, String reason) {
    return new TriggerRecord(at, kind, decision, reason, runId, outcome);
  }

  /** "2026-10-25T00:00:00Z schedule STARTED sched-20261025T0000Z: nightly (DEPLOYED)". */
  public String describe() {
    return at
        + " "
        + kind.value()
        + " "
        + decision
        + (runId == null ? "" : " " + runId)
        + (reason == null ? "" : ": " + reason)
        + (outcome == null ? "" : " (" + outcome + ")");
  }
}
