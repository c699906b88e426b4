package dev.tollgate.activities.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.spec.NotifySpec;
import dev.tollgate.stages.ApprovalDecided;
import dev.tollgate.stages.ApprovalEscalated;
import dev.tollgate.stages.ApprovalReminder;
import dev.tollgate.stages.ApprovalRequested;
import dev.tollgate.stages.EventHeader;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.PipelineEvent;
import dev.tollgate.stages.RollbackFinished;
import dev.tollgate.stages.RunStarted;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventNamesTest {
  private static final EventHeader RUN = new EventHeader("m", "r", "pipeline/m/r", "msg");

  /** One event of every kind but a finished run, which is named by its outcome. */
  private static final List<PipelineEvent> NOT_FINISHED =
      List.of(
          new RunStarted(RUN, "manual", "alice", ""),
          new ApprovalRequested(RUN, 1, List.of("alice"), "", null, null, null),
          new ApprovalReminder(RUN, List.of("alice")),
          new ApprovalEscalated(RUN, List.of("alice", "bob"), List.of("bob"), ""),
          new ApprovalDecided(RUN, "alice", true, "", null),
          new RollbackFinished(RUN, 2, 1, true, "alice", "why"));

  private static String finished(Outcome outcome) {
    return EventNames.of(TestEvents.finished(RUN, outcome));
  }

  @Test
  void eachKindHasItsNotifyOnName() {
    assertThat(NOT_FINISHED.stream().map(EventNames::of))
        .containsExactly(
            "run_started", "approval_requested", "reminder", "escalated", "decided", "rolled_back");
  }

  @Test
  void aFinishedRunIsNamedByItsOutcome() {
    assertThat(finished(Outcome.DEPLOYED)).isEqualTo("deployed");
    assertThat(finished(Outcome.REJECTED_BY_VALIDATION)).isEqualTo("validation_failed");
    assertThat(finished(Outcome.ROLLED_BACK)).isEqualTo("rolled_back");
    assertThat(finished(Outcome.REJECTED_BY_APPROVER)).isEqualTo("rejected");
    assertThat(finished(Outcome.APPROVAL_TIMED_OUT)).isEqualTo("timed_out");
    assertThat(finished(Outcome.FAILED)).isEqualTo("failed");
    assertThat(finished(Outcome.CANCELLED)).isEqualTo("cancelled");
    assertThat(finished(Outcome.VALIDATED)).isEqualTo("validated");
  }

  @Test
  void aMissingOutcomeIsAFailureNotASilence() {
    assertThat(finished(null)).isEqualTo("failed");
  }

  @Test
  void everyNameIsOneTheSpecAccepts() {
    Set<String> names = new HashSet<>();
    NOT_FINISHED.forEach(e -> names.add(EventNames.of(e)));
    for (Outcome o : Outcome.values()) names.add(finished(o));
    assertThat(NotifySpec.EVENTS).containsAll(names);
    assertThat(names).containsExactlyInAnyOrderElementsOf(NotifySpec.EVENTS);
  }
}
