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

  /**
   * How many local activities of {@code activityType} the run recorded (one marker each, written
   * once the attempt that ran to its end returned).
   */
  static long localActivities(
      TemporalDevServer server, String namespace, String workflowId, String activityType) {
    long n = 0;
    for (JsonNode event : events(server, namespace, workflowId)) {
      JsonNode marker = event.path("markerRecordedEventAttributes");
      if (!marker.path("markerName").asText().equals("LocalActivity")) continue;
      if (activityType.equals(payloadText(marker.path("details").path("type")))) n++;
    }
    return n;
  }

  /** One local activity's marker: the attempt that ended it, and whether that attempt failed. */
  record LocalAttempt(int attempt, boolean failed) {}

  /**
   * The markers of local activities of {@code activityType}, in order. A marker is written when an
   * attempt returns, or when one fails after the local retries (then the next attempts wait on a
   * workflow timer); its metadata ({@code meta}) holds the attempt number ({@code atpt}).
   */
  static List<LocalAttempt> localActivityAttempts(
      TemporalDevServer server, String namespace, String workflowId, String activityType) {
    List<LocalAttempt> markers = new ArrayList<>();
    for (JsonNode event : events(server, namespace, workflowId)) {
      JsonNode marker = event.path("markerRecordedEventAttributes");
      if (!marker.path("markerName").asText().equals("LocalActivity")) continue;
      if (!activityType.equals(payloadText(marker.path("details").path("type")))) continue;
      JsonNode meta = payloadJson(marker.path("details").path("meta"));
      markers.add(
          new LocalAttempt(meta.path("atpt").asInt(), !marker.path("failure").isMissingNode()));
    }
    return markers;
  }

  /** The first payload of {@code payloads} as JSON (base64 data, or shown decoded). */
  private static JsonNode payloadJson(JsonNode payloads) {
    JsonNode first = payloads.path("payloads").path(0);
    JsonNode data = first.path("data");
    try {
      if (data.isTextual()) {
        return JSON.readTree(java.util.Base64.getDecoder().decode(data.asText()));
      }
      return first;
    } catch (IOException e) {
      throw new UncheckedIOException("marker metadata is not JSON: " + payloads, e);
    }
  }

  /** The first payload of {@code payloads} as text: a JSON string, base64 or shown decoded. */
  private static String payloadText(JsonNode payloads) {
    JsonNode first = payloads.path("payloads").path(0);
    JsonNode data = first.path("data");
    if (data.isTextual()) {
      String json =
          new String(
              java.util.Base64.getDecoder().decode(data.asText()),
              java.nio.charset.StandardCharsets.UTF_8);
      try {
        return JSON.readTree(json).asText();
      } catch (IOException e) {
        return json;
      }
    }
    return first.isTextual() ? first.asText() : first.toString();
  }
}
