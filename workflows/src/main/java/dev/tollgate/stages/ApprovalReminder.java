package dev.tollgate.stages;

import java.util.List;

/**
 * A candidate still waits for approval ({@code approval.remind_after}).
 *
 * @param approvers who is asked, in the spec's order
 */
public record ApprovalReminder(EventHeader header, List<String> approvers)
    implements PipelineEvent {

  public ApprovalReminder {
    approvers = EventLists.copy(approvers);
  }

  @Override
  public Kind kind() {
    return Kind.APPROVAL_REMINDER;
  }
}
