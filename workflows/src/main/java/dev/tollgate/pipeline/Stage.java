package dev.tollgate.pipeline;

import java.util.Locale;

/** Where a run is. The stage names are also the values of the TollgateStage search attribute. */
public enum Stage {
  STARTING,
  SEARCHING,
  TRAINING,
  VALIDATING,
  /** deployed and smoke-tested in a pre-production environment ({@code deploy.environments}) */
  STAGING,
  AWAITING_APPROVAL,
  DEPLOYING,
  /** the degradation watch after a deploy ({@code deploy.rollback.watch}) */
  WATCHING,
  NOTIFYING,
  COMPLETED;

  /**
   * A running run's one line, "energy-load v3: awaiting approval": written by the workflow as its
   * stage changes and rebuilt by {@code tollgate runs} from the run's search attributes.
   *
   * @param version the model version, or null before training has registered one
   * @param stageName a stage's name, as here or as the TollgateStage search attribute holds it
   */
  public static String runningSummary(String model, Number version, String stageName) {
    return model
        + (version == null ? "" : " v" + version)
        + ": "
        + stageName.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
