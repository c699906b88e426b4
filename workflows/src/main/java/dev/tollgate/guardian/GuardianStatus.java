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
 * @param specDigest the digest of the spec the guardian starts runs with
 * @param actions the action log (who paused, resumed, disabled or changed the spec, and who was
 *     refused), newest last
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
    int runsStarted,
    String specDigest,
    List<ActionRecord> actions) {

  public GuardianStatus {
    actions = actions == null ? List.of() : List.copyOf(actions);
    nextCronFires = nextCronFires == null ? List.of() : List.copyOf(nextCronFires);
    triggers = triggers == null ? List.of() : List.copyOf(triggers);
  }
}
