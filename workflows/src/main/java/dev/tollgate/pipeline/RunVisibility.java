package dev.tollgate.pipeline;

import io.temporal.workflow.Workflow;
import java.util.Map;

/**
 * Keeps the run's search attributes and summary memo in step with its progress. Added after the
 * first release of the workflow, so it is behind a {@link Workflow#getVersion} marker: histories
 * recorded before it replay without the upserts. The trigger attribute and memo came later again,
 * behind a second marker, so version-1 histories replay without them.
 */
final class RunVisibility {
  static final String CHANGE_ID = "search-attributes";
  static final String TRIGGER_CHANGE_ID = "trigger-attribute";

  private final boolean enabled;
  private final String model;

  /** Published with the first stage, then {@code null}. */
  private RunOptions trigger;

  private RunVisibility(boolean enabled, String model, RunOptions trigger) {
    this.enabled = enabled;
    this.model = model;
    this.trigger = trigger;
  }

  /** Decides, once per run and deterministically, whether this run publishes its progress. */
  static RunVisibility forRun(String model, RunOptions options) {
    int version = Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1);
    if (version < 1) return new RunVisibility(false, model, null);
    int triggers = Workflow.getVersion(TRIGGER_CHANGE_ID, Workflow.DEFAULT_VERSION, 1);
    return new RunVisibility(true, model, triggers >= 1 ? options : null);
  }

  void stage(Stage stage, String summary) {
    if (!enabled) return;
    if (trigger != null) {
      Workflow.upsertTypedSearchAttributes(
          SearchAttributes.MODEL.valueSet(model),
          SearchAttributes.STAGE.valueSet(stage.name()),
          SearchAttributes.TRIGGER.valueSet(trigger.triggerOrManual().value()));
      Workflow.upsertMemo(
          Map.of(
              SearchAttributes.SUMMARY_MEMO,
              summary,
              SearchAttributes.TRIGGER_MEMO,
              describe(trigger)));
      trigger = null;
      return;
    }
    Workflow.upsertTypedSearchAttributes(
        SearchAttributes.MODEL.valueSet(model), SearchAttributes.STAGE.valueSet(stage.name()));
    Workflow.upsertMemo(Map.of(SearchAttributes.SUMMARY_MEMO, summary));
  }

  void modelVersion(int version) {
    if (!enabled) return;
    Workflow.upsertTypedSearchAttributes(SearchAttributes.MODEL_VERSION.valueSet((long) version));
  }

  void outcome(Outcome outcome, String headline) {
    if (!enabled) return;
    Workflow.upsertTypedSearchAttributes(
        SearchAttributes.STAGE.valueSet(Stage.COMPLETED.name()),
        SearchAttributes.OUTCOME.valueSet(outcome.name()));
    Workflow.upsertMemo(Map.of(SearchAttributes.SUMMARY_MEMO, headline));
  }

  /** "drift by guardian: drift share 0.67: temperature psi 0.41 (drifted), ..." */
  static String describe(RunOptions options) {
    String head = options.triggerOrManual().value() + " by " + options.triggeredBy();
    String why =
        options.reason() == null || options.reason().isBlank() ? "" : ": " + options.reason();
    String evidence = options.evidence() == null ? "" : " [" + options.evidence().describe() + "]";
    return head + why + evidence;
  }
}
