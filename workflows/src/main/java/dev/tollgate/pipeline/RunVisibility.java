package dev.tollgate.pipeline;

import io.temporal.workflow.Workflow;
import java.util.Map;

/**
 * Keeps the run's search attributes and summary memo in step with its progress. Added after the
 * first release of the workflow, so it is behind a {@link Workflow#getVersion} marker: histories
 * recorded before it replay without the upserts.
 */
final class RunVisibility {
  static final String CHANGE_ID = "search-attributes";

  private final boolean enabled;
  private final String model;

  private RunVisibility(boolean enabled, String model) {
    this.enabled = enabled;
    this.model = model;
  }

  /** Decides, once per run and deterministically, whether this run publishes its progress. */
  static RunVisibility forRun(String model) {
    int version = Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1);
    return new RunVisibility(version >= 1, model);
  }

  void stage(Stage stage, String summary) {
    if (!enabled) return;
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
}
