package dev.tollgate.stages;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a finished run's event compares and times: the version it replaces and that version's
 * metrics on the same holdout (for "rmse 25.8, 1.2 better than v3"), the checks that failed, the
 * drift share validation measured, and how long each stage took.
 *
 * @param previousVersion the Production version when the run started; {@code null} when none
 * @param previousMetrics that version's metrics on this run's holdout
 * @param failedChecks the validation checks that failed, with value and threshold
 * @param driftShare the share of drifted features ({@code drift.share}); {@code null} unmeasured
 * @param stageTimes each stage's time by its lower-case name ("train", "awaiting_approval"), a
 *     stage that ran twice with its total, in the order the stages ran
 */
public record RunComparison(
    Integer previousVersion,
    Map<String, Double> previousMetrics,
    List<CheckResult> failedChecks,
    Double driftShare,
    Map<String, Duration> stageTimes) {

  public RunComparison {
    previousMetrics = EventLists.copy(previousMetrics);
    failedChecks = EventLists.copy(failedChecks);
    stageTimes = EventLists.copy(stageTimes);
  }
}
