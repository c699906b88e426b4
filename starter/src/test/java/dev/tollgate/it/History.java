package dev.tollgate.it;

import io.temporal.api.history.v1.ActivityTaskStartedEventAttributes;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A workflow's event history as the server keeps it ({@code temporal workflow show -o json} with
 * raw payloads, read by the SDK as a replayer would).
 */
final class History {
  private History() {}

  static List<HistoryEvent> events(TemporalDevServer server, String namespace, String workflowId) {
    ProcResult result =
        server.temporal(
            "workflow",
            "show",
            "-n",
            namespace,
            "-w",
            workflowId,
            "-o",
            "json",
            "--no-json-shorthand-payloads");
    if (result.exitCode() != 0) throw new AssertionError("temporal workflow show: " + result);
    return WorkflowExecutionHistory.fromJson(result.out()).getEvents();
  }

  /**
   * The attempt of each started activity of {@code activityType}, in order: [2] means the first
   * attempt was lost (or failed) and the second one ran to its end.
   */
  static List<Integer> startedAttempts(
      TemporalDevServer server, String namespace, String workflowId, String activityType) {
    Map<Long, String> typeByScheduledId = new HashMap<>();
    List<Integer> attempts = new ArrayList<>();
    for (HistoryEvent event : events(server, namespace, workflowId)) {
      if (event.hasActivityTaskScheduledEventAttributes()) {
        typeByScheduledId.put(
            event.getEventId(),
            event.getActivityTaskScheduledEventAttributes().getActivityType().getName());
      }
      if (event.hasActivityTaskStartedEventAttributes()) {
        ActivityTaskStartedEventAttributes started = event.getActivityTaskStartedEventAttributes();
        if (activityType.equals(typeByScheduledId.get(started.getScheduledEventId()))) {
          attempts.add(started.getAttempt());
        }
      }
    }
    return attempts;
  }

  /**
   * How many local activities of {@code activityType} the run recorded (one marker each, written
   * once the attempt that ran to its end returned).
   */
  static long localActivities(
      TemporalDevServer server, String namespace, String workflowId, String activityType) {
    return localActivityAttempts(server, namespace, workflowId, activityType).size();
  }

  /** The markers of local activities of {@code activityType}, in order. */
  static List<LocalActivityMarker> localActivityAttempts(
      TemporalDevServer server, String namespace, String workflowId, String activityType) {
    List<LocalActivityMarker> markers = new ArrayList<>();
    for (HistoryEvent event : events(server, namespace, workflowId)) {
      LocalActivityMarker.of(event)
          .filter(m -> m.type().equals(activityType))
          .ifPresent(markers::add);
    }
    return markers;
  }

  /** The run id of the workflow's execution (its first run), as its activities see it. */
  static String runId(TemporalDevServer server, String namespace, String workflowId) {
    return events(server, namespace, workflowId)
        .get(0)
        .getWorkflowExecutionStartedEventAttributes()
        .getOriginalExecutionRunId();
  }
}
