package dev.tollgate.cli.run;

import dev.tollgate.cli.common.CliFailure;
import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.pipeline.SearchAttributes;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.Trigger;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.Outcome;
import java.util.ArrayList;
import java.util.List;

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
    // A stage before COMPLETED is a running run's: one that ended without recording its outcome
    // (terminated, or cancelled on a worker from before cancellation was an outcome) keeps the
    // stage it stopped in, and must not be listed as still in it.
    boolean running = runningOnly || (stage != null && stage != Stage.COMPLETED);
    if (running) terms.add("ExecutionStatus = 'Running'");
    return String.join(" AND ", terms);
  }
}
