package dev.tollgate.guardian;

import dev.tollgate.stages.DataInspection;
import java.util.List;

/**
 * What {@code tollgate schedule status MODEL} shows.
 *
 * @param nextCronFires the next three fire times (ISO-8601), empty without a cron
 * @param nextCheck when the data is inspected next (ISO-8601), {@code null} without checks
 * @param inFlightRunId the run the guardian started that has not ended, or {@code null}
 * @param buffered the run id queued behind it, or {@code null}
 * @param cooldownUntil no drift or volume retrain before this (ISO-8601), or {@code null}
 * @param triggers the trigger log, newest last (at most {@link GuardianBook#LOG_SIZE})
 */
public record GuardianStatus(
    String model,
    boolean paused,
    String pausedBy,
    String pauseReason,
    String cron,
    String cronDescription,
    List<String> nextCronFires,
    String nextCheck,
    DataInspection lastInspection,
    String inFlightRunId,
    String buffered,
    int retrainsThisWeek,
    int budget,
    String cooldownUntil,
    List<TriggerRecord> triggers,
    long historyLength,
    int generation,
    int runsStarted) {

  public GuardianStatus {
    nextCronFires = nextCronFires == null ? List.of() : List.copyOf(nextCronFires);
    triggers = triggers == null ? List.of() : List.copyOf(triggers);
  }
}
