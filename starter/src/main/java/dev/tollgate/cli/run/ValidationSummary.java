package dev.tollgate.cli.run;

import dev.tollgate.pipeline.PipelineStatus;
import dev.tollgate.pipeline.Stage;
import dev.tollgate.pipeline.StageRecord;
import dev.tollgate.report.ValidationText;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.stages.ValidationVerdict;
import java.io.PrintWriter;

/**
 * What a reviewer sees at the approval gate: the boxed validation summary ({@link ValidationText}):
 * the verdict, every check with its value and threshold, the baseline deltas, where the JSON and
 * HTML reports are.
 */
public final class ValidationSummary {
  private ValidationSummary() {}

  public static void print(PrintWriter out, PipelineSpec spec, PipelineStatus status) {
    out.println();
    ValidationVerdict verdict = status.validation();
    if (verdict != null) {
      out.print(
          ValidationText.render(
              subject(spec.model(), status.modelVersion()), verdict, status.metrics()));
    } else {
      status.history().stream()
          .filter(r -> r.stage() == Stage.VALIDATING)
          .reduce((a, b) -> b)
          .map(StageRecord::summary)
          .ifPresent(summary -> out.println("Validation of " + spec.model() + ": " + summary));
    }
    out.flush();
  }

  /** "energy-load v3", or just the model before it has a version. */
  static String subject(String model, Integer version) {
    return model + (version == null ? "" : " v" + version);
  }
}
