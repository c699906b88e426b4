package dev.tollgate.stages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.codec.TollgateDataConverter;
import dev.tollgate.spec.NotifySpec;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every kind of event crosses Temporal as the notify activity's argument, declared as the sealed
 * {@link PipelineEvent}: the converter the worker and the CLI use must write which record it is and
 * read the same record back, figures, durations and enums included. A record it cannot read back
 * would fail the activity on every attempt, and no one would hear of the run.
 */
class PipelineEventPayloadTest {
  private static final DataConverter CONVERTER = TollgateDataConverter.of(Optional.empty());
  private static final NotifySpec ROUTE =
      new NotifySpec("#ml", Map.of("U1", "alice"), List.of("deployed"), "https://hooks/x");
  private static final EventHeader RUN =
      new EventHeader("energy-load", "r1", "pipeline/energy-load/r1", "m", ROUTE, 3);

  static List<PipelineEvent> oneOfEachKind() {
    Map<String, Duration> times = new LinkedHashMap<>();
    times.put("train", Duration.ofMillis(95_123));
    times.put("awaiting_approval", Duration.ofHours(2));
    return List.of(
        new RunStarted(RUN, "schedule", null, ""),
        new ApprovalRequested(
            RUN, 3, List.of("alice", "bob"), "╭─ box", "file:/r.json", null, "v2"),
        new ApprovalReminder(RUN, List.of("alice")),
        new ApprovalEscalated(RUN, List.of("alice", "carol"), List.of("carol"), "╭─ box"),
        new ApprovalDecided(RUN, "alice", false, "too slow", "slack"),
        new RunFinished(
            RUN,
            Outcome.CANCELLED,
            "drift",
            3,
            Map.of("rmse", 25.8, "r2", Double.NaN),
            "alice",
            "alice approved via update at 2026-12-02T10:00:00Z",
            "file:/r.json",
            "file:/r.html",
            "stopped",
            new RunComparison(
                2,
                Map.of("rmse", 27.0),
                List.of(new CheckResult("rmse", null, "≤ 75", CheckResult.Status.FAIL, "n/a")),
                0.125,
                times),
            new CancelSummary("alice", "no reason given", "claim", "DEPLOYING", null),
            "energy-load.yaml (sha256:0123456789ab)",
            List.of("min_approvals 1 -> 2")),
        new RollbackFinished(
            new EventHeader("energy-load", "rb1", "rollback/energy-load/rb1", "m"),
            3,
            2,
            false,
            "carol",
            "latency"));
  }

  @Test
  void everyKindRoundTripsThroughTheWorkflowsDataConverter() {
    Set<PipelineEvent.Kind> seen = EnumSet.noneOf(PipelineEvent.Kind.class);
    for (PipelineEvent event : oneOfEachKind()) {
      Payload payload = CONVERTER.toPayload(event).orElseThrow();
      PipelineEvent back = CONVERTER.fromPayload(payload, PipelineEvent.class, PipelineEvent.class);
      assertThat(back)
          .as(event.kind().name())
          .isEqualTo(event)
          .isExactlyInstanceOf(event.getClass());
      assertThat(payload.getData().toString(StandardCharsets.UTF_8))
          .as("the record is named by its kind")
          .contains("\"kind\":\"" + event.kind().name() + "\"");
      seen.add(back.kind());
    }
    assertThat(seen).isEqualTo(EnumSet.allOf(PipelineEvent.Kind.class));
  }

  @Test
  void theEnvelopeIsReadThroughEveryKind() {
    for (PipelineEvent event : oneOfEachKind()) {
      assertThat(event.model()).isEqualTo("energy-load");
      assertThat(event.seq()).isEqualTo(event.header().seq());
      assertThat(event.route()).isSameAs(event.header().route());
    }
  }
}
