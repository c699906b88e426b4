package dev.tollgate.guardian;

import dev.tollgate.stages.DataInspection;
import java.util.List;

/**
 * What a guardian hands to its next run when it continues as new: everything its decisions depend
 * on, and the bounded trigger log. Never a run in flight: it continues as new only between runs.
 *
 * @param startedAt when the guardian was first enabled (epoch ms)
 * @param lastCronFire the last cron fire time it acted on (epoch ms); the next fire is after it
 * @param lastCheck when it last inspected the data (epoch ms), 0 = never
 * @param dataRetrains start times of drift- and volume-triggered runs in the last 7 days
 * @param generation how many times it continued as new
 * @param actions the action log (pause, resume, disable, spec changes; allowed and refused), newest
 *     last; {@code null} from guardians before it
 */
public record GuardianState(
    long startedAt,
    long lastCronFire,
    long lastCheck,
    DataInspection lastInspection,
    List<TriggerRecord> log,
    List<Long> dataRetrains,
    boolean paused,
    String pausedBy,
    String pauseReason,
    PendingTrigger buffered,
    int generation,
    int runsStarted,
    List<ActionRecord> actions) {

  public GuardianState {
    log = log == null ? List.of() : List.copyOf(log);
    actions = actions == null ? List.of() : List.copyOf(actions);
    dataRetrains = dataRetrains == null ? List.of() : List.copyOf(dataRetrains);
  }
}
