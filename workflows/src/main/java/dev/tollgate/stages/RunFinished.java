package dev.tollgate.stages;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * How a run ended, with what deployed or failed.
 *
 * @param trigger what kind of trigger started the run, by its spec name ("manual", "schedule")
 * @param version the candidate's registry version; {@code null} when the run failed before one
 * @param metrics the candidate's metrics on the holdout
 * @param decidedBy who decided ("alice", "bob, alice"); {@code null} when nobody did
 * @param decisions the approval audit trail in words; {@code null} when there was none
 * @param reportUri the JSON validation report; {@code null} before validation
 * @param failure why it failed or rolled back; {@code null} when it did not
 * @param comparison against Production, and how long each stage took; {@code null} for runs
 *     recorded before events carried it
 * @param cancellation who cancelled it and why; {@code null} when nobody did
 * @param policy the approval policy the run was held to (its label); {@code null} when none
 * @param policyRaised what the policy raised above the spec ("min_approvals 1 -> 2")
 * @param commit the commit the run was started from ({@code run --git}), else {@code null}
 */
public record RunFinished(
    EventHeader header,
    Outcome outcome,
    String trigger,
    Integer version,
    Map<String, Double> metrics,
    String decidedBy,
    String decisions,
    String reportUri,
    String htmlReportUri,
    String failure,
    RunComparison comparison,
    CancelSummary cancellation,
    String policy,
    List<String> policyRaised,
    @JsonInclude(JsonInclude.Include.NON_NULL) CommitLineage commit)
    implements PipelineEvent {

  public RunFinished {
    metrics = EventLists.copy(metrics);
    policyRaised = EventLists.copy(policyRaised);
  }

  /** A run without a commit. */
  public RunFinished(
      EventHeader header,
      Outcome outcome,
      String trigger,
      Integer version,
      Map<String, Double> metrics,
      String decidedBy,
      String decisions,
      String reportUri,
      String htmlReportUri,
      String failure,
      RunComparison comparison,
      CancelSummary cancellation,
      String policy,
      List<String> policyRaised) {
    this(
        header,
        outcome,
        trigger,
        version,
        metrics,
        decidedBy,
        decisions,
        reportUri,
        htmlReportUri,
        failure,
        comparison,
        cancellation,
        policy,
        policyRaised,
        null);
  }

  @Override
  public Kind kind() {
    return Kind.FINISHED;
  }
}
