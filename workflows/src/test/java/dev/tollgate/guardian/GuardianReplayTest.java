package dev.tollgate.guardian;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recorded guardian histories replay on today's code (recorded by {@link GuardianMonthTest} into
 * target/recorded-histories/): the first run of a month-long guardian, which ended by continuing as
 * new, and the run it continued into, which started from the handed-over state.
 */
class GuardianReplayTest {
  @ParameterizedTest
  @ValueSource(strings = {"histories/guardian-first-run.json", "histories/guardian-continued.json"})
  void committedHistoriesReplay(String resource) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(resource, GuardianWorkflowImpl.class);
  }
}
