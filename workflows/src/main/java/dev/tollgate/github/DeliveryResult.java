package dev.tollgate.github;

import java.util.List;

/**
 * What a {@link GitHubDeliveryWorkflow} did with one delivery: one line per affected spec, in path
 * order (the runs first, then the problems). A push that changed no spec has none, and {@code note}
 * says so.
 *
 * @param deliveryId GitHub's {@code X-GitHub-Delivery}
 * @param event {@code push} or {@code pull_request}
 * @param sha the commit the statuses were posted on
 * @param specs what became of each affected spec
 * @param note the delivery as a whole: "no affected spec", "commit 1a2b3c4 not found on the
 *     configured remote", or empty
 */
public record DeliveryResult(
    String deliveryId, String event, String sha, List<SpecResult> specs, String note) {

  public DeliveryResult {
    specs = specs == null ? List.of() : List.copyOf(specs);
    note = note == null ? "" : note;
  }

  /**
   * One spec's end.
   *
   * @param specPath the spec's path in the repository (its status context is {@code
   *     tollgate/<specPath>})
   * @param workflowId the run's workflow id; {@code null} when the spec did not parse
   * @param problem why the spec did not parse ("key: message"); {@code null} for a run
   * @param outcome the run's outcome name ({@code DEPLOYED}, {@code VALIDATED}, ...), {@code
   *     TIMED_OUT} for a check run stopped by {@code pull_request.timeout}, {@code FAILED} for a
   *     run that ended without a result; {@code null} for a problem
   * @param state the final commit status posted: {@code success}, {@code failure} or {@code error}
   * @param description the final status's description
   */
  public record SpecResult(
      String specPath,
      String workflowId,
      String problem,
      String outcome,
      String state,
      String description) {}
}
