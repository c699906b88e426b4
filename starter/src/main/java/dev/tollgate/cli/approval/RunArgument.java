package dev.tollgate.cli.approval;

import picocli.CommandLine.Parameters;

/** The {@code RUN} argument of {@code approve}, {@code reject} and {@code cancel}. */
final class RunArgument {
  @Parameters(
      paramLabel = "RUN",
      description = "The run: <model>/<run-id> or pipeline/<model>/<run-id>.")
  String run;

  /** The run as typed: {@code <model>/<run-id>} or its workflow ID. */
  String name() {
    return run;
  }
}
