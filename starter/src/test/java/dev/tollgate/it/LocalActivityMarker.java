package dev.tollgate.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * A local activity as the Java SDK records it: a {@code LocalActivity} marker, written when an
 * attempt returns or when one fails after the local retries (the next attempts then wait on a
 * workflow timer). Its details hold the activity type (a JSON string) and metadata ({@code
 * {"firstSkd": millis, "atpt": attempt, ...}}); a failed attempt's marker carries the failure.
 *
 * @param firstScheduledMillis when the workflow first scheduled the activity (worker clock)
 * @param attempt the attempt that ended with this marker
 */
public record LocalActivityMarker(
    String type, long firstScheduledMillis, int attempt, boolean failed) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The marker in {@code event}, or empty when the event is not a local activity's marker. */
  public static Optional<LocalActivityMarker> of(HistoryEvent event) {
    if (event.getEventType() != EventType.EVENT_TYPE_MARKER_RECORDED) return Optional.empty();
    MarkerRecordedEventAttributes marker = event.getMarkerRecordedEventAttributes();
    if (!marker.getMarkerName().equals("LocalActivity")) return Optional.empty();
    JsonNode meta = json(marker.getDetailsOrThrow("meta"));
    return Optional.of(
        new LocalActivityMarker(
            json(marker.getDetailsOrThrow("type")).asText(),
            meta.path("firstSkd").asLong(),
            meta.path("atpt").asInt(),
            marker.hasFailure()));
  }

  private static JsonNode json(Payloads payloads) {
    try {
      return JSON.readTree(payloads.getPayloads(0).getData().toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("a local-activity marker that is not JSON", e);
    }
  }
}
