package dev.tollgate.pipeline;

import java.util.Locale;

/**
 * What started a run, kept in the {@code TollgateTrigger} search attribute so runs can be filtered
 * by it ({@code tollgate runs --trigger drift}).
 */
public enum Trigger {
  /** a person: {@code tollgate run}, {@code demo}, or a guardian's {@code trigger} command */
  MANUAL,
  /** the guardian's cron, or a native Temporal Schedule */
  SCHEDULE,
  /** the guardian saw the drift share pass {@code schedule.retrain_on_drift_share} */
  DRIFT,
  /** the guardian saw {@code schedule.min_new_rows} more rows than Production was trained on */
  VOLUME,
  /** a push to a configured branch, delivered by GitHub's webhook */
  PUSH,
  /** a pull request opened or pushed to: a check run that never deploys */
  PULL_REQUEST;

  /** The search attribute's value: the lower-case name. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
