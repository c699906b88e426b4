package dev.tollgate.pipeline;

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
  COMPLETED
}
