package dev.tollgate.cli.run;

import dev.tollgate.cli.common.ExitCodes;
import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.Outcome;
import java.io.PrintWriter;

/** The end of a followed run: the headline, why it stopped, where the report is; the exit code. */
public final class ResultPrinter {
  private ResultPrinter() {}

  /**
   * Prints the result and returns the exit code: 0 only when the model was deployed, or a pull
   * request's check run passed validation (VALIDATED).
   */
  public static int print(PrintWriter out, PipelineResult result) {
    out.println();
    SearchPrinter.print(out, result.search());
    out.println(result.headline());
    if (result.validation() != null && !result.validation().passed()) {
      for (CheckResult failed : result.validation().failures()) {
        out.println("  failed check " + failed.name() + ": " + failed.message());
      }
    }
    if (result.decision() != null && result.outcome() != Outcome.DEPLOYED) {
      var d = result.decision();
      out.println(
          "  decided by "
              + d.by()
              + " ("
              + (d.approve() ? "approved" : "rejected")
              + (d.comment() == null || d.comment().isBlank() ? "" : ": " + d.comment())
              + ")");
    }
    if (result.cancellation() != null) {
      out.println("  cancelled " + result.cancellation().describe());
      out.println("  clean-up: " + result.cancellation().note());
    }
    if (result.failure() != null && !result.failure().isBlank()) {
      out.println("  cause: " + result.failure());
    }
    if (result.validation() != null && result.validation().reportUri() != null) {
      out.println("Report: " + result.validation().reportUri());
    }
    if (result.validation() != null && result.validation().htmlReportUri() != null) {
      out.println("HTML report: " + result.validation().htmlReportUri());
    }
    out.flush();
    // a pull request's check run that passed did all it was asked to
    return result.outcome() == Outcome.DEPLOYED || result.outcome() == Outcome.VALIDATED
        ? ExitCodes.OK
        : ExitCodes.NOT_DONE;
  }
}
