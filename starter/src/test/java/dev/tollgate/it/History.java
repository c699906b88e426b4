package dev.tollgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A workflow's event history as the server keeps it ({@code temporal workflow show -o json}). */
final class History {
  private static final ObjectMapper JSON = new ObjectMapper();

  private History() {}

  static JsonNode events(TemporalDevServer server, String namespace, String workflowId) {
    ProcResult result =
        server.temporal("workflow", "show", "-n", namespace, "-w", workflowId, "-o", "json");
    if (result.exitCode() != 0) throw new AssertionError("temporal workflow show: " + result);
    try {
      return JSON.readTree(result.out()).path("events");
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + result, e);
    }
  }

  /**
   * The attempt of each started activity of {@code activityType}, in order: [2] means the first
   * attempt was lost (or failed) and the second one ran to its end.
   */
  static List<Integer> startedAttempts(
      TemporalDevServer server, String namespace, String workflowId, String activityType) {
    JsonNode events = events(server, namespace, workflowId);
    Map<String, String> typeByScheduledId = new HashMap<>();
    List<Integer> attempts = new ArrayList<>();
    for (JsonNode event : events) {
      JsonNode scheduled = event.path("activityTaskScheduledEventAttributes");
      if (!scheduled.isMissingNode()) {
        typeByScheduledId.put(
            event.path("eventId").asText(), scheduled.path("activityType").path("name").asText());
      }
      JsonNode started = event.path("activityTaskStartedEventAttributes");
      if (!started.isMissingNode()
          && activityType.equals(
              typeByScheduledId.get(started.path("scheduledEventId").asText()))) {
        attempts.add(started.path("attempt").asInt());
      }
    }
    return attempts;
  }
}
