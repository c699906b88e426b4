package dev.tollgate.pipeline;

import dev.tollgate.stages.Outcome;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
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

  /**
   * Since {@link FewerRoundTrips}: attributes are upserted only where a stage changes, each one
   * once (the model with the first stage, the version with the stage after registration).
   */
  private final boolean sparing;

  /** Since version 2 of {@link FewerRoundTrips}: the memo at the start and the end only. */
  private final boolean memoAtEnds;

  private boolean modelPublished;
  private Long unpublishedVersion;

  private RunVisibility(
      boolean enabled, String model, RunOptions trigger, boolean sparing, boolean memoAtEnds) {
    this.enabled = enabled;
    this.model = model;
    this.trigger = trigger;
    this.sparing = sparing;
    this.memoAtEnds = memoAtEnds;
  }

  /**
   * Decides, once per run and deterministically, whether this run publishes its progress, and (with
   * {@code sparing}, from {@link FewerRoundTrips}) whether only what changed.
   */
  static RunVisibility forRun(
      String model, RunOptions options, boolean sparing, boolean memoAtEnds) {
    // A run since FewerRoundTrips has both earlier changes: their markers would say nothing.
    if (sparing) return new RunVisibility(true, model, options, true, memoAtEnds);
    int version = Workflow.getVersion(CHANGE_ID, Workflow.DEFAULT_VERSION, 1);
    if (version < 1) return new RunVisibility(false, model, null, false, false);
    int triggers = Workflow.getVersion(TRIGGER_CHANGE_ID, Workflow.DEFAULT_VERSION, 1);
    return new RunVisibility(true, model, triggers >= 1 ? options : null, false, false);
  }

  void stage(Stage stage, String summary) {
    if (!enabled) return;
    if (sparing) {
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
        trigger = null;
      }
      upsert(changed);
      // Since version 2 the memo says only what the attributes cannot: why the run started (once)
      // and, at the end, its headline; a running run's summary is its attributes (`tollgate runs`
      // writes it from them). Version 1 wrote the summary at every stage.
      if (first != null) {
        Workflow.upsertMemo(
            Map.of(
                SearchAttributes.SUMMARY_MEMO,
                summary,
                SearchAttributes.TRIGGER_MEMO,
                describe(first)));
      } else if (!memoAtEnds) {
        Workflow.upsertMemo(Map.of(SearchAttributes.SUMMARY_MEMO, summary));
      }
      return;
    }
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
    if (sparing) {
      unpublishedVersion = (long) version;
      return;
    }
    Workflow.upsertTypedSearchAttributes(SearchAttributes.MODEL_VERSION.valueSet((long) version));
  }

  void outcome(Outcome outcome, String headline) {
    if (!enabled) return;
    if (sparing) {
      upsert(
          List.of(
              SearchAttributes.STAGE.valueSet(Stage.COMPLETED.name()),
              SearchAttributes.OUTCOME.valueSet(outcome.name())));
      Workflow.upsertMemo(Map.of(SearchAttributes.SUMMARY_MEMO, headline));
      return;
    }
    Workflow.upsertTypedSearchAttributes(
        SearchAttributes.STAGE.valueSet(Stage.COMPLETED.name()),
        SearchAttributes.OUTCOME.valueSet(outcome.name()));
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
