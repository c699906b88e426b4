package dev.tollgate.cli.schedule;

import dev.tollgate.cli.common.TemporalConnection;
import dev.tollgate.guardian.GuardianResult;
import dev.tollgate.pipeline.WorkflowIds;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.HistoryEventFilterType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.client.WorkflowExecutionDescription;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the server says of {@code guardian/<model>}, without asking a worker: running, or how it
 * ended, read from its close event (a disabled guardian's {@link GuardianResult}; who terminated it
 * and why). A guardian that continued as new is followed to its newest run. A query would not do
 * for a closed one: the worker replays it to its end and answers as if it still ran.
 *
 * @param state the newest run's status
 * @param closedAt when it ended, {@code null} while running
 * @param result a disabled guardian's result; {@code null} otherwise (and for a guardian from
 *     before it had one)
 * @param detail how it ended otherwise: "by IDENTITY: REASON" for a termination, the failure's
 *     message; {@code null} when the server says nothing more
 */
record GuardianExecution(
    WorkflowExecutionStatus state, Instant closedAt, GuardianResult result, String detail) {

  boolean running() {
    return state == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  }

  /**
   * @throws io.temporal.client.WorkflowNotFoundException when the model never had a guardian
   */
  static GuardianExecution describe(TemporalConnection temporal, String model) {
    String id = WorkflowIds.guardian(model);
    WorkflowExecutionDescription d = describeNewest(temporal, id);
    if (d.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
      return new GuardianExecution(d.getStatus(), null, null, null);
    }
    HistoryEvent close = closeEvent(temporal, d.getExecution());
    GuardianResult result = null;
    String detail = null;
    switch (d.getStatus()) {
      case WORKFLOW_EXECUTION_STATUS_COMPLETED -> {
        var done = close.getWorkflowExecutionCompletedEventAttributes();
        Optional<Payloads> payloads =
            done.hasResult() ? Optional.of(done.getResult()) : Optional.empty();
        result =
            temporal
                .client()
                .getOptions()
                .getDataConverter()
                .fromPayloads(0, payloads, GuardianResult.class, GuardianResult.class);
      }
      case WORKFLOW_EXECUTION_STATUS_TERMINATED -> {
        var t = close.getWorkflowExecutionTerminatedEventAttributes();
        String by = t.getIdentity().isBlank() ? "" : "by " + t.getIdentity();
        detail = by + (by.isEmpty() || t.getReason().isBlank() ? "" : ": ") + t.getReason();
      }
      case WORKFLOW_EXECUTION_STATUS_FAILED ->
          detail = close.getWorkflowExecutionFailedEventAttributes().getFailure().getMessage();
      default -> {}
    }
    return new GuardianExecution(d.getStatus(), d.getCloseTime(), result, blankToNull(detail));
  }

  /**
   * The newest run: describing by ID alone gives it; one that just continued as new is described
   * again.
   */
  private static WorkflowExecutionDescription describeNewest(
      TemporalConnection temporal, String id) {
    WorkflowExecutionDescription d = null;
    for (int i = 0; i < 3; i++) {
      d =
          temporal
              .client()
              .newUntypedWorkflowStub(id, Optional.empty(), Optional.empty())
              .describe();
      if (d.getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW)
        break;
    }
    return d;
  }

  private static HistoryEvent closeEvent(TemporalConnection temporal, WorkflowExecution run) {
    List<HistoryEvent> events =
        temporal
            .client()
            .getWorkflowServiceStubs()
            .blockingStub()
            .getWorkflowExecutionHistory(
                GetWorkflowExecutionHistoryRequest.newBuilder()
                    .setNamespace(temporal.options().namespace)
                    .setExecution(run)
                    .setHistoryEventFilterType(
                        HistoryEventFilterType.HISTORY_EVENT_FILTER_TYPE_CLOSE_EVENT)
                    .build())
            .getHistory()
            .getEventsList();
    return events.isEmpty() ? HistoryEvent.getDefaultInstance() : events.getLast();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
