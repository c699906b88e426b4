package dev.tollgate.guardian;

import dev.tollgate.pipeline.Trigger;
import dev.tollgate.spec.ScheduleSpec;
import java.time.Instant;

/**
 * Whether a trigger starts a run, in this order: a paused guardian starts nothing; a drift or
 * volume trigger waits out the cooldown after the last one and fits in the week's budget (a cron
 * tick or a person's trigger is not held by either); then at most one run is in flight, a newer
 * trigger being skipped or queued by {@code schedule.overlap}. Pure: the guardian calls it with the
 * workflow's time.
 */
final class TriggerPolicy {
  private TriggerPolicy() {}

  record Verdict(TriggerRecord.Decision decision, String why) {}

  static Verdict decide(
      Trigger kind, long now, ScheduleSpec schedule, GuardianBook book, String inFlightRunId) {
    if (book.paused()) {
      return skip(
          "paused by "
              + book.pausedBy()
              + (book.pauseReason() == null ? "" : ": " + book.pauseReason()));
    }
    boolean data = kind == Trigger.DRIFT || kind == Trigger.VOLUME;
    if (data) {
      Long cooldownEnds = book.cooldownEnds(schedule);
      if (cooldownEnds != null && now < cooldownEnds) {
        return skip(
            "cooldown until "
                + Instant.ofEpochMilli(cooldownEnds)
                + " (schedule.cooldown "
                + dev.tollgate.spec.Durations.format(schedule.cooldownOrDefault())
                + " after the retrain at "
                + Instant.ofEpochMilli(book.lastDataRetrain())
                + ")");
      }
      int used = book.retrainsInWindow(now);
      if (used >= schedule.budgetOrDefault()) {
        return skip(
            "budget used: "
                + used
                + " drift or volume retrains in the last 7 days, schedule.max_retrains_per_week is "
                + schedule.budgetOrDefault());
      }
    }
    if (inFlightRunId != null) {
      return schedule.overlapOrDefault() == ScheduleSpec.Overlap.BUFFER_ONE
          ? new Verdict(TriggerRecord.Decision.QUEUED, "behind run " + inFlightRunId + " in flight")
          : skip("run " + inFlightRunId + " in flight (schedule.overlap: skip)");
    }
    return new Verdict(TriggerRecord.Decision.STARTED, null);
  }

  private static Verdict skip(String why) {
    return new Verdict(TriggerRecord.Decision.SKIPPED, why);
  }
}
