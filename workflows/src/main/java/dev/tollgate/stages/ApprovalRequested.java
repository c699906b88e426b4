package dev.tollgate.stages;

import java.util.List;

/**
 * A candidate waits for its approvers.
 *
 * @param version the candidate's registry version
 * @param approvers who is asked, in the spec's order
 * @param summary the boxed validation summary the approver reads
 * @param reportUri the JSON validation report, or {@code null}
 * @param htmlReportUri the HTML validation report, or {@code null}
 * @param identicalTo the Production version the candidate is identical to ("v2"), or {@code null}
 */
public record ApprovalRequested(
    EventHeader header,
    int version,
    List<String> approvers,
    String summary,
    String reportUri,
    String htmlReportUri,
    String identicalTo)
    implements PipelineEvent {

  public ApprovalRequested {
    approvers = EventLists.copy(approvers);
  }

  @Override
  public Kind kind() {
    return Kind.APPROVAL_REQUESTED;
  }
}
