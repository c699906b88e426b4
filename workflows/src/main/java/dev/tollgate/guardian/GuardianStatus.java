package dev.tollgate.guardian;

import dev.tollgate.stages.DataInspection;
import java.time.Duration;
import java.util.List;

/**
 * What {@code tollgate schedule status MODEL} shows.
 *
 * @param nextCronFires the next three fire times (ISO-8601), empty without a cron
 * @param nextCheck when the data is inspected next (ISO-8601), {@code null} without checks; while
 *     paused, checks wait and the one due then runs at resume
 * @param driftCheckEvery how often the data is inspected ({@code schedule.drift_check_every}),
 *     {@code null} without checks (or from a worker before this field)
 * @param retrainOnDriftShare a drift retrain starts above this share of drifted features, {@code
 *     null} without checks
 * @param minNewRows a volume retrain starts with this many rows more than Production's, or {@code
 *     null}
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
    Duration driftCheckEvery,
    Double retrainOnDriftShare,
    Integer minNewRows,
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
