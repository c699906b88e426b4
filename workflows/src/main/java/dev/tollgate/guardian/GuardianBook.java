package dev.tollgate.guardian;

import dev.tollgate.spec.ScheduleSpec;
import dev.tollgate.stages.DataInspection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A guardian's mutable record of what it did, inside one workflow run: the trigger log (bounded),
 * the data-triggered retrains of the last week, pause, the queued trigger. Turned into a {@link
 * GuardianState} to continue as new, and back. Written only through its own methods, each named
 * after what happened; others read it.
 */
final class GuardianBook {
  /** Trigger log entries kept; older ones fall off (the pipeline runs keep their own history). */
  static final int LOG_SIZE = 50;

  private final long startedAt;
  private long lastCronFire;
  private long lastCheck;
  private DataInspection lastInspection;
  private final List<TriggerRecord> log;
  private final List<ActionRecord> actions;
  private final List<Long> dataRetrains;
  private boolean paused;
  private String pausedBy;
  private String pauseReason;
  private PendingTrigger buffered;
  private final int generation;
  private int runsStarted;

  private GuardianBook(GuardianState s) {
    startedAt = s.startedAt();
    lastCronFire = s.lastCronFire();
    lastCheck = s.lastCheck();
    lastInspection = s.lastInspection();
    log = new ArrayList<>(s.log());
    actions = new ArrayList<>(s.actions());
    dataRetrains = new ArrayList<>(s.dataRetrains());
    paused = s.paused();
    pausedBy = s.pausedBy();
    pauseReason = s.pauseReason();
    buffered = s.buffered();
    generation = s.generation();
    runsStarted = s.runsStarted();
  }

  /** A new guardian's book ({@code carried == null}) or the one its previous run handed over. */
  static GuardianBook of(GuardianState carried, long now) {
    return new GuardianBook(
        carried != null
            ? carried
            : new GuardianState(
                now, now, 0, null, null, null, false, null, null, null, 0, 0, null));
  }

  GuardianState handOver() {
    return new GuardianState(
        startedAt,
        lastCronFire,
        lastCheck,
        lastInspection,
        log,
        dataRetrains,
        paused,
        pausedBy,
        pauseReason,
        buffered,
        generation + 1,
        runsStarted,
        actions);
  }

  void pause(String by, String reason) {
    paused = true;
    pausedBy = by;
    pauseReason = reason;
  }

  void resume() {
    paused = false;
    pausedBy = null;
    pauseReason = null;
  }

  /** The cron fire at {@code fire} has been acted on (started, skipped or missed). */
  void cronFired(long fire) {
    lastCronFire = fire;
  }

  /** The data check of grid time {@code at} is being made. */
  void checking(long at) {
    lastCheck = at;
  }

  /** The data check found {@code found}; returns what the check before it found. */
  DataInspection inspected(DataInspection found) {
    DataInspection previous = lastInspection;
    lastInspection = found;
    return previous;
  }

  /** {@code t} waits for the run in flight; returns the one it replaces, or {@code null}. */
  PendingTrigger buffer(PendingTrigger t) {
    PendingTrigger replaced = buffered;
    buffered = t;
    return replaced;
  }

  /** The queued trigger, taken off the queue to be decided again, or {@code null}. */
  PendingTrigger takeBuffered() {
    PendingTrigger t = buffered;
    buffered = null;
    return t;
  }

  /**
   * A run started; {@code dataRetrainAt}: when, if drift or volume started it, else {@code null}.
   */
  void runStarted(Long dataRetrainAt) {
    runsStarted++;
    if (dataRetrainAt != null) dataRetrains.add(dataRetrainAt);
  }

  /** An action request and the policy's answer, allowed or refused. */
  void recordAction(ActionRecord entry) {
    actions.add(entry);
    while (actions.size() > LOG_SIZE) actions.removeFirst();
  }

  void record(TriggerRecord entry) {
    log.add(entry);
    while (log.size() > LOG_SIZE) log.removeFirst();
  }

  /** Replaces the entry of {@code runId} (a queued one starting, a run ending). */
  void update(String runId, UnaryOperator<TriggerRecord> change) {
    for (int i = log.size() - 1; i >= 0; i--) {
      if (runId.equals(log.get(i).runId())) {
        log.set(i, change.apply(log.get(i)));
        return;
      }
    }
  }

  /** Drift- and volume-triggered retrains in the 7 days up to {@code now}; older ones forgotten. */
  int retrainsInWindow(long now) {
    long since = now - ScheduleSpec.BUDGET_WINDOW.toMillis();
    dataRetrains.removeIf(t -> t <= since);
    return dataRetrains.size();
  }

  /** The same count without forgetting anything: a query must not change state. */
  int countRetrainsInWindow(long now) {
    long since = now - ScheduleSpec.BUDGET_WINDOW.toMillis();
    return (int) dataRetrains.stream().filter(t -> t > since).count();
  }

  /** When the cooldown after the last data-triggered retrain ends, or {@code null} if none. */
  Long cooldownEnds(ScheduleSpec schedule) {
    return dataRetrains.isEmpty()
        ? null
        : dataRetrains.getLast() + schedule.cooldownOrDefault().toMillis();
  }

  /** When the last data-triggered retrain started ({@link #cooldownEnds} is not null). */
  long lastDataRetrain() {
    return dataRetrains.getLast();
  }

  long startedAt() {
    return startedAt;
  }

  long lastCronFire() {
    return lastCronFire;
  }

  long lastCheck() {
    return lastCheck;
  }

  DataInspection lastInspection() {
    return lastInspection;
  }

  /** The trigger log, newest last. */
  List<TriggerRecord> log() {
    return List.copyOf(log);
  }

  /** The action log, newest last. */
  List<ActionRecord> actions() {
    return List.copyOf(actions);
  }

  ActionRecord lastAction() {
    return actions.getLast();
  }

  boolean paused() {
    return paused;
  }

  String pausedBy() {
    return pausedBy;
  }

  String pauseReason() {
    return pauseReason;
  }

  PendingTrigger buffered() {
    return buffered;
  }

  int generation() {
    return generation;
  }

  int runsStarted() {
    return runsStarted;
  }
}
