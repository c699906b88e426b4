package dev.tollgate.guardian;

import dev.tollgate.spec.CronSchedule;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.ScheduleSpec;
import java.time.Instant;

/** Builds the {@link GuardianStatus} a query answers, from the guardian's book. */
final class GuardianStatusView {
  private GuardianStatusView() {}

  static GuardianStatus of(
      PipelineSpec spec,
      CronSchedule cron,
      GuardianBook book,
      Long nextCheck,
      String inFlightRunId,
      long now,
      long historyLength) {
    ScheduleSpec s = spec.schedule();
    Long cooldown = book.cooldownEnds(s);
    return new GuardianStatus(
        spec.model(),
        book.paused(),
        book.pausedBy(),
        book.pauseReason(),
        s.cron(),
        cron == null ? null : cron.describe(),
        cron == null
            ? null
            : cron.next(Instant.ofEpochMilli(book.lastCronFire()), 3).stream()
                .map(Instant::toString)
                .toList(),
        nextCheck == null ? null : GuardianClock.iso(Math.max(nextCheck, now)),
        s.driftCheckEvery(),
        s.driftCheckEvery() == null ? null : s.driftShareOrDefault(),
        s.driftCheckEvery() == null ? null : s.minNewRows(),
        book.lastInspection(),
        inFlightRunId,
        book.buffered() == null ? null : book.buffered().runId(),
        book.countRetrainsInWindow(now),
        s.budgetOrDefault(),
        cooldown == null || cooldown <= now ? null : GuardianClock.iso(cooldown),
        book.log(),
        historyLength,
        book.generation(),
        book.runsStarted(),
        dev.tollgate.pipeline.SpecJson.digest(spec),
        book.actions());
  }
}
