package dev.tollgate.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.spec.NotifySpec;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.PipelineEvent;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventNamesTest {
  private static PipelineEvent event(PipelineEvent.Kind kind, Map<String, String> fields) {
    return new PipelineEvent(kind, "m", "r", "pipeline/m/r", "msg", fields);
  }

  private static String finished(String outcome) {
    Map<String, String> fields = new HashMap<>();
    if (outcome != null) fields.put("outcome", outcome);
    return EventNames.of(event(PipelineEvent.Kind.FINISHED, fields));
  }

  @Test
  void eachKindHasItsNotifyOnName() {
    assertThat(EventNames.of(event(PipelineEvent.Kind.RUN_STARTED, Map.of())))
        .isEqualTo("run_started");
    assertThat(EventNames.of(event(PipelineEvent.Kind.APPROVAL_REQUESTED, Map.of())))
        .isEqualTo("approval_requested");
    assertThat(EventNames.of(event(PipelineEvent.Kind.APPROVAL_REMINDER, Map.of())))
        .isEqualTo("reminder");
    assertThat(EventNames.of(event(PipelineEvent.Kind.APPROVAL_ESCALATED, Map.of())))
        .isEqualTo("escalated");
    assertThat(EventNames.of(event(PipelineEvent.Kind.DECIDED, Map.of()))).isEqualTo("decided");
    assertThat(EventNames.of(event(PipelineEvent.Kind.ROLLED_BACK, Map.of())))
        .isEqualTo("rolled_back");
  }

  @Test
  void aFinishedRunIsNamedByItsOutcome() {
    assertThat(finished("DEPLOYED")).isEqualTo("deployed");
    assertThat(finished("REJECTED_BY_VALIDATION")).isEqualTo("validation_failed");
    assertThat(finished("ROLLED_BACK")).isEqualTo("rolled_back");
    assertThat(finished("REJECTED_BY_APPROVER")).isEqualTo("rejected");
    assertThat(finished("APPROVAL_TIMED_OUT")).isEqualTo("timed_out");
    assertThat(finished("FAILED")).isEqualTo("failed");
    assertThat(finished("CANCELLED")).isEqualTo("cancelled");
  }

  @Test
  void aMissingOrUnknownOutcomeIsAFailureNotASilence() {
    assertThat(finished(null)).isEqualTo("failed");
    assertThat(finished("EXPLODED")).isEqualTo("failed");
  }

  @Test
  void everyNameIsOneTheSpecAccepts() {
    Set<String> names = new HashSet<>();
    for (PipelineEvent.Kind k : PipelineEvent.Kind.values()) {
      if (k != PipelineEvent.Kind.FINISHED) names.add(EventNames.of(event(k, Map.of())));
    }
    for (Outcome o : Outcome.values()) names.add(finished(o.name()));
    assertThat(NotifySpec.EVENTS).containsAll(names);
    assertThat(names).containsExactlyInAnyOrderElementsOf(NotifySpec.EVENTS);
  }
}
