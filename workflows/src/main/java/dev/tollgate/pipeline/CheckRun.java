package dev.tollgate.pipeline;

import dev.tollgate.spec.PipelineSpec;

/**
 * A pull request's check run ({@link Trigger#PULL_REQUEST}): it trains on at most {@code
 * pull_request.max_rows} rows, registers the candidate in stage none with reason {@code
 * pull_request}, validates it against Production and ends VALIDATED or REJECTED_BY_VALIDATION. It
 * never stages, asks for approval, deploys or promotes. Its time limit ({@code
 * pull_request.timeout}) is the workflow execution timeout the delivery workflow starts it with.
 */
final class CheckRun {
  private CheckRun() {}

  static boolean of(RunOptions options) {
    return options.triggerOrManual() == Trigger.PULL_REQUEST;
  }

  /** The spec with its data read no further than {@code pull_request.max_rows} rows. */
  static PipelineSpec bounded(PipelineSpec spec) {
    Long maxRows = spec.pullRequestOrDefault().maxRows();
    if (maxRows == null) return spec;
    return new PipelineSpec(
        spec.source(),
        spec.model(),
        spec.task(),
        spec.data().withRowLimit(maxRows),
        spec.training(),
        spec.validation(),
        spec.approval(),
        spec.deploy(),
        spec.notifications(),
        spec.schedule(),
        spec.tracking(),
        spec.pullRequest());
  }
}
