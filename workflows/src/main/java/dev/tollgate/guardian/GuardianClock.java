package dev.tollgate.guardian;

import dev.tollgate.spec.CronSchedule;
import dev.tollgate.spec.ScheduleSpec;
import java.time.Duration;
import java.time.Instant;

/**
 * The guardian's clock maths: when the next cron fire and data check are due, where a late check
 * lands on its grid, and when a run counts as started for the cooldown. Pure functions of the
 * schedule, the book and the workflow's time: no commands, so they are the same on replay.
 */
final class GuardianClock {
  /** A cron fire acted on later than this (the guardian was down) is recorded as missed. */
  static final Duration LATE = Duration.ofHours(1);

  private GuardianClock() {}

  /** The first cron fire after the last one acted on, or {@code null} (no cron, or none left). */
  static Long nextFire(CronSchedule cron, GuardianBook book) {
    if (cron == null) return null;
    Instant next = cron.next(Instant.ofEpochMilli(book.lastCronFire()));
    return next == null ? null : next.toEpochMilli();
  }

  /** Whether the fire at {@code fire}, acted on at {@code now}, was missed. */
  static boolean missed(long fire, long now) {
    return now - fire > LATE.toMillis();
  }

  /**
   * Data checks run on a grid counted from the epoch ({@code drift_check_every: 6h} checks at
   * 00:00, 06:00, 12:00 and 18:00 UTC): the first grid point after enabling, then every interval.
   * {@code null}: the schedule has no data check.
   */
  static Long nextCheck(ScheduleSpec schedule, GuardianBook book) {
    Duration every = schedule.driftCheckEvery();
    if (every == null) return null;
    long step = every.toMillis();
    long after = book.lastCheck() == 0 ? book.startedAt() - 1 : book.lastCheck();
    return (Math.floorDiv(after, step) + 1) * step;
  }

  /**
   * The latest grid point not after {@code now}: a check acted on late keeps its grid time, and a
   * guardian that was down does one check, not one per missed interval.
   */
  static long onGrid(ScheduleSpec schedule, long due, long now) {
    long step = schedule.driftCheckEvery().toMillis();
    return due + (now - due) / step * step;
  }

  /** When a run starts, for the cooldown: its trigger's time, or now for one that was queued. */
  static long startTime(PendingTrigger t, long now) {
    long at = Instant.parse(t.at()).toEpochMilli();
    return now - at < LATE.toMillis() ? at : now;
  }

  /** The earlier of two due times, either of which may be {@code null} (not due at all). */
  static Long earliest(Long a, Long b) {
    if (a == null) return b;
    if (b == null) return a;
    return Math.min(a, b);
  }

  static String iso(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }
}
