package dev.tollgate.pipeline;

import io.temporal.workflow.Workflow;

/**
 * Since marker {@value #CHANGE_ID} (issue 12, engine overhead) a run makes fewer trips to the
 * server for the same stages: notifications are local activities (no task queue, no workflow task
 * of their own), the registration reads the Production version in the same activity, a deploy is
 * smoke-tested in the same activity, and the search attributes are upserted only with a stage
 * change (the model version rides with the next one; the moment of notifying, which ends in the
 * same workflow task as the outcome, gets no upsert of its own). Runs recorded before the marker
 * replay the way they ran. Read once per run, before anything else is recorded: a run with this
 * marker has every earlier change too (visibility, the trigger attribute, archiving, numbered
 * notifications), so it records none of their markers.
 */
final class FewerRoundTrips {
  static final String CHANGE_ID = "fewer-round-trips";

  private FewerRoundTrips() {}

  /** Version 2: the memo only at the start (the trigger) and the end (the headline). */
  static final int MEMO_AT_START_AND_END = 2;

  /**
   * Version 3: the registry's calls (registration, promotion, archiving, staging, restoring) are
   * local activities, each run in the workflow task that takes the previous stage's result.
   */
  static final int REGISTRY_LOCAL = 3;

  /** {@link Workflow#DEFAULT_VERSION} for runs recorded before the marker, else 1 to 3. */
  static int forRun() {
    return Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, REGISTRY_LOCAL);
  }
}
