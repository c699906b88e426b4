package dev.tollgate.cli.run;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.pipeline.SearchAttributes;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Trigger;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.CommitLineage;
import dev.tollgate.stages.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the visibility query behind {@code runs} and {@code pending} from typed filters. Values
 * are checked (enum or model-name pattern) before they reach the query, so no quoting games.
 */
final class RunQuery {
  private RunQuery() {}

  static String of(String model, Stage stage, Outcome outcome, boolean runningOnly) {
    return of(model, stage, outcome, null, runningOnly);
  }

  static String of(
      String model, Stage stage, Outcome outcome, Trigger trigger, boolean runningOnly) {
    return of(model, stage, outcome, trigger, null, runningOnly);
  }

  /**
   * {@code commit}: a full SHA or a prefix of at least 7 hex digits, any case; matched against
   * {@code TollgateCommit} with {@code STARTS_WITH} (a Keyword attribute holds the full SHA).
   */
  static String of(
      String model,
      Stage stage,
      Outcome outcome,
      Trigger trigger,
      String commit,
      boolean runningOnly) {
    List<String> terms = new ArrayList<>();
    terms.add("WorkflowType = 'PipelineWorkflow'");
    if (model != null) {
      if (!PipelineSpec.MODEL_NAME.matcher(model).matches()) {
        throw new CliFailure(ExitCodes.USAGE, "--model: not a model name: '" + model + "'");
      }
      terms.add(SearchAttributes.MODEL.getName() + " = '" + model + "'");
    }
    if (stage != null) terms.add(SearchAttributes.STAGE.getName() + " = '" + stage.name() + "'");
    if (outcome != null) {
      terms.add(SearchAttributes.OUTCOME.getName() + " = '" + outcome.name() + "'");
    }
    if (trigger != null) {
      terms.add(SearchAttributes.TRIGGER.getName() + " = '" + trigger.value() + "'");
    }
    if (commit != null) terms.add(commitTerm(commit));
    // A stage before COMPLETED is a running run's: one that ended without recording its outcome
    // (terminated, or cancelled on a worker from before cancellation was an outcome) keeps the
    // stage it stopped in, and must not be listed as still in it.
    boolean running = runningOnly || (stage != null && stage != Stage.COMPLETED);
    if (running) terms.add("ExecutionStatus = 'Running'");
    return String.join(" AND ", terms);
  }

  private static String commitTerm(String commit) {
    if (!CommitLineage.SHA_PREFIX.matcher(commit).matches()) {
      throw new CliFailure(
          ExitCodes.USAGE,
          "--commit: not a commit SHA (7 to 64 hex digits, a full SHA or its start)");
    }
    String sha = commit.toLowerCase(Locale.ROOT);
    String name = SearchAttributes.COMMIT.getName();
    return CommitLineage.FULL_SHA.matcher(sha).matches()
        ? name + " = '" + sha + "'"
        : name + " STARTS_WITH '" + sha + "'";
  }
}
