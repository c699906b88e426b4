package dev.tollgate.pipeline;

import dev.tollgate.stages.Outcome;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the run's search attributes and memo in step with its progress, with as few upserts as that
 * takes (ADR 0007): attributes only where a stage changes, each one once (the model with the first
 * stage, the version with the stage after registration, the trigger with the first stage); the memo
 * says only what the attributes cannot, why the run started (once) and, at the end, its headline. A
 * running run's summary is its attributes ({@code tollgate runs} writes it from them).
 */
final class RunVisibility {
  private final String model;

  /** Published with the first stage, then {@code null}. */
  private RunOptions trigger;

  private boolean modelPublished;
  private Long unpublishedVersion;

  RunVisibility(String model, RunOptions trigger) {
    this.model = model;
    this.trigger = trigger;
  }

  void stage(Stage stage, String summary) {
    // Notifying ends in the workflow task that records the outcome: an upsert would be
    // overwritten before anyone could see it.
    if (stage == Stage.NOTIFYING) return;
    List<SearchAttributeUpdate<?>> changed = new ArrayList<>();
    changed.add(SearchAttributes.STAGE.valueSet(stage.name()));
    if (!modelPublished) {
      changed.add(SearchAttributes.MODEL.valueSet(model));
      modelPublished = true;
    }
    RunOptions first = trigger;
    if (first != null) {
      changed.add(SearchAttributes.TRIGGER.valueSet(first.triggerOrManual().value()));
      // only a run with a commit sets it: the upserts of runs without one stay as they were
      if (first.commit() != null) {
        changed.add(SearchAttributes.COMMIT.valueSet(first.commit().sha()));
      }
      trigger = null;
    }
    upsert(changed);
    if (first != null) Workflow.upsertMemo(firstMemo(first, summary));
  }

  private static Map<String, Object> firstMemo(RunOptions first, String summary) {
    Map<String, Object> memo = new LinkedHashMap<>();
    memo.put(SearchAttributes.SUMMARY_MEMO, summary);
    memo.put(SearchAttributes.TRIGGER_MEMO, describe(first));
    if (first.commit() != null) memo.put(SearchAttributes.COMMIT_MEMO, first.commit());
    return memo;
  }

  /** Published with the next stage's upsert. */
  void modelVersion(int version) {
    unpublishedVersion = (long) version;
  }

  void outcome(Outcome outcome, String headline) {
    upsert(
        List.of(
            SearchAttributes.STAGE.valueSet(Stage.COMPLETED.name()),
            SearchAttributes.OUTCOME.valueSet(outcome.name())));
    Workflow.upsertMemo(Map.of(SearchAttributes.SUMMARY_MEMO, headline));
  }

  /** Upserts {@code changed}, with the model version if it changed since the last upsert. */
  private void upsert(List<SearchAttributeUpdate<?>> changed) {
    List<SearchAttributeUpdate<?>> all = new ArrayList<>(changed);
    if (unpublishedVersion != null) {
      all.add(SearchAttributes.MODEL_VERSION.valueSet(unpublishedVersion));
      unpublishedVersion = null;
    }
    Workflow.upsertTypedSearchAttributes(all.toArray(SearchAttributeUpdate<?>[]::new));
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
