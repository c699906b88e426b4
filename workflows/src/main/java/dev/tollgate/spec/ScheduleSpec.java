package dev.tollgate.spec;

import java.time.Duration;
import java.time.ZoneId;

/**
 * When a model retrains by itself: the guardian workflow ({@code guardian/<model>}) acts on it, and
 * {@code tollgate schedule create} reads its cron for a native Temporal Schedule. Every field is
 * optional in the spec; the parser fills the defaults documented in docs/triggers.md, so a record
 * from a spec is complete. Records from older payloads carry {@code null} in the fields added
 * later, which the accessors below resolve to the same defaults.
 *
 * @param cron five-field cron expression (minute hour day month weekday), {@code null} = no nightly
 *     runs
 * @param driftCheckEvery how often the newest data is inspected (drift share and row count); {@code
 *     null} = never
 * @param cooldown least time between two drift- or volume-triggered retrains
 * @param timezone IANA zone the cron is read in
 * @param driftData dataset URI inspected for drift, {@code null} = the training source
 * @param retrainOnDriftShare a drift share above this starts a retrain
 * @param minNewRows a source with at least this many rows more than Production was trained on
 *     starts a retrain; {@code null} = off
 * @param overlap what a trigger does while a run of the guardian is in flight
 * @param maxRetrainsPerWeek most drift- or volume-triggered retrains in any 7 days
 */
public record ScheduleSpec(
    String cron,
    Duration driftCheckEvery,
    Duration cooldown,
    String timezone,
    String driftData,
    Double retrainOnDriftShare,
    Integer minNewRows,
    Overlap overlap,
    Integer maxRetrainsPerWeek) {

  /** What a trigger does while a run is in flight. */
  public enum Overlap {
    /** recorded as skipped */
    SKIP,
    /** kept, replacing an earlier kept one, and started when the run in flight ends */
    BUFFER_ONE
  }

  public static final Duration DEFAULT_COOLDOWN = Duration.ofHours(24);
  public static final Duration DEFAULT_CHECK_EVERY = Duration.ofHours(6);
  public static final Duration SHORTEST_CHECK = Duration.ofMinutes(1);
  public static final Duration BUDGET_WINDOW = Duration.ofDays(7);
  public static final double DEFAULT_DRIFT_SHARE = 0.5;
  public static final int DEFAULT_MAX_RETRAINS = 7;

  /** The shape before the guardian existed: cron, drift checks and cooldown only. */
  public ScheduleSpec(String cron, Duration driftCheckEvery, Duration cooldown) {
    this(cron, driftCheckEvery, cooldown, null, null, null, null, null, null);
  }

  public Duration cooldownOrDefault() {
    return cooldown == null ? DEFAULT_COOLDOWN : cooldown;
  }

  public ZoneId zone() {
    return timezone == null ? ZoneId.of("UTC") : ZoneId.of(timezone);
  }

  public double driftShareOrDefault() {
    return retrainOnDriftShare == null ? DEFAULT_DRIFT_SHARE : retrainOnDriftShare;
  }

  public Overlap overlapOrDefault() {
    return overlap == null ? Overlap.SKIP : overlap;
  }

  public int budgetOrDefault() {
    return maxRetrainsPerWeek == null ? DEFAULT_MAX_RETRAINS : maxRetrainsPerWeek;
  }

  /** Whether the guardian inspects the data at all (drift share or row count). */
  public boolean inspects() {
    return driftCheckEvery != null;
  }
}
