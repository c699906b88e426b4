package dev.tollgate.pipeline;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * The custom search attributes Tollgate sets on each run, so the Temporal UI and {@code tollgate
 * runs} can filter them ({@code TollgateStage="AWAITING_APPROVAL"}). The worker registers them at
 * start-up; a server that refuses registration must have them created by its operator.
 */
public final class SearchAttributes {
  public static final SearchAttributeKey<String> MODEL =
      SearchAttributeKey.forKeyword("TollgateModel");
  public static final SearchAttributeKey<String> STAGE =
      SearchAttributeKey.forKeyword("TollgateStage");
  public static final SearchAttributeKey<String> OUTCOME =
      SearchAttributeKey.forKeyword("TollgateOutcome");
  public static final SearchAttributeKey<Long> MODEL_VERSION =
      SearchAttributeKey.forLong("TollgateModelVersion");

  /** {@link Trigger#value()}: schedule, drift, volume or manual. */
  public static final SearchAttributeKey<String> TRIGGER =
      SearchAttributeKey.forKeyword("TollgateTrigger");

  /**
   * The full SHA of the commit the run was started from ({@code run --git}); runs without one do
   * not have it. {@code tollgate runs --commit} matches it by prefix.
   */
  public static final SearchAttributeKey<String> COMMIT =
      SearchAttributeKey.forKeyword("TollgateCommit");

  public static final List<SearchAttributeKey<?>> ALL =
      List.of(MODEL, STAGE, OUTCOME, MODEL_VERSION, TRIGGER, COMMIT);

  /** The memo key of the one-line summary shown in the UI and by {@code tollgate runs}. */
  public static final String SUMMARY_MEMO = "summary";

  /** The memo key of what started the run, with the guardian's evidence for a data trigger. */
  public static final String TRIGGER_MEMO = "trigger";

  /** The memo key of the run's commit lineage (a {@code CommitLineage}), when it has one. */
  public static final String COMMIT_MEMO = "commit";

  private SearchAttributes() {}
}
