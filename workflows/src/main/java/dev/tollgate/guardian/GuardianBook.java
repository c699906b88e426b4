package dev.tollgate.guardian;

import dev.tollgate.spec.ScheduleSpec;
import dev.tollgate.stages.DataInspection;
import java.util.ArrayList;
import java.util.List;

/**
 * A guardian's mutable record of what it did, inside one workflow run: the trigger log (bounded),
 * the data-triggered retrains of the last week, pause, the queued trigger. Turned into a {@link
 * GuardianState} to continue as new, and back.
 */
final class GuardianBook {
  /** Trigger log entries kept; older ones fall off (the pipeline runs keep their own history). */
  static final int LOG_SIZE = 50;

  final long startedAt;
  long lastCronFire;
  long lastCheck;
  DataInspection lastInspection;
  final List<TriggerRecord> log;
  final List<ActionRecord> actions;
  final List<Long> dataRetrains;
  boolean paused;
  String pausedBy;
  String pauseReason;
  PendingTrigger buffered;
  int generation;
  int runsStarted;

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
  void update(String runId, java.util.function.UnaryOperator<TriggerRecord> change) {
    for (int i = log.size() - 1; i >= 0; i--) {
      if (runId.equals(log.get(i).runId())) {
        log.set(i, change.apply(log.get(i)));
        return;
      }
    }
  }

  void startedDataRetrain(long now) {
    dataRetrains.add(now);
  }

  /** Drift- and volume-triggered retrains in the 7 days up to {@code now}; older ones forgotten. */
  int retrainsInWindow(long now) {
    long since = now - ScheduleSpec.BUDGET_WINDOW.toMillis();
    dataRetrains.removeIf(t -> t <= since);
    return dataRetrains.size();
  }

  /** When the cooldown after the last data-triggered retrain ends, or {@code null} if none. */
  Long cooldownEnds(ScheduleSpec schedule) {
    return dataRetrains.isEmpty()
        ? null
        : dataRetrains.getLast() + schedule.cooldownOrDefault().toMillis();
  }
}
