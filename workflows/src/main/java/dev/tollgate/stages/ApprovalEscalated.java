package dev.tollgate.stages;

import java.util.List;

/**
 * More approvers were asked ({@code approval.escalate}).
 *
 * @param approvers everyone asked now, the new ones included
 * @param escalatedTo the ones just added
 * @param summary the boxed validation summary again: the new approvers have not seen it
 */
public record ApprovalEscalated(
    EventHeader header, List<String> approvers, List<String> escalatedTo, String summary)
    implements PipelineEvent {

  public ApprovalEscalated {
    approvers = EventLists.copy(approvers);
    escalatedTo = EventLists.copy(escalatedTo);
  }

  @Override
  public Kind kind() {
    return Kind.APPROVAL_ESCALATED;
  }
}
