package dev.tollgate.github;

import dev.tollgate.pipeline.PipelineResult;
import dev.tollgate.spec.Durations;
import dev.tollgate.stages.CheckResult;
import dev.tollgate.stages.Outcome;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * How one spec's run ended, as its final commit status says it: success for a push's DEPLOYED and a
 * pull request's VALIDATED, failure otherwise, with the failed checks or the cause. A pure function
 * of the run's result (or of why there is none).
 *
 * @param outcome the outcome's name, {@code TIMED_OUT} or {@code FAILED} without a result
 * @param state {@code success} or {@code failure}
 * @param description at most {@link #MAX_DESCRIPTION} characters
 * @param targetUrl the validation's HTML report when it is a web address, else {@code null}
 * @param result the run's result, {@code null} when it ended without one
 */
record SpecEnd(
    String outcome, String state, String description, String targetUrl, PipelineResult result) {

  /** GitHub's limit on a status description. */
  static final int MAX_DESCRIPTION = 140;

  static SpecEnd of(PipelineResult r, boolean pullRequest) {
    Outcome wanted = pullRequest ? Outcome.VALIDATED : Outcome.DEPLOYED;
    boolean passed = r.outcome() == wanted;
    StringBuilder d = new StringBuilder(r.headline());
    if (r.validation() != null && !r.validation().passed()) {
      d.append(": failed ")
          .append(
              r.validation().failures().stream()
                  .map(CheckResult::name)
                  .collect(Collectors.joining(", ")));
    } else if (!passed && r.failure() != null && !r.failure().isBlank()) {
      d.append(": ").append(r.failure());
    }
    return new SpecEnd(
        r.outcome().name(), passed ? "success" : "failure", cut(d.toString()), webReport(r), r);
  }

  /** A check run stopped by {@code pull_request.timeout}. */
  static SpecEnd timedOut(Duration limit) {
    return new SpecEnd(
        "TIMED_OUT", "failure", "timed out after " + Durations.format(limit), null, null);
  }

  /** A run that ended without a result (terminated, or it could not start). */
  static SpecEnd without(String why) {
    return new SpecEnd("FAILED", "failure", cut(why), null, null);
  }

  static String cut(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= MAX_DESCRIPTION ? one : one.substring(0, MAX_DESCRIPTION - 1) + "…";
  }

  private static String webReport(PipelineResult r) {
    String uri = r.validation() == null ? null : r.validation().htmlReportUri();
    if (uri == null) return null;
    return uri.startsWith("https://") || uri.startsWith("http://") ? uri : null;
  }
}
