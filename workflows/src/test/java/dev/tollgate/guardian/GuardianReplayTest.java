package dev.tollgate.guardian;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recorded guardian histories replay on today's code (recorded by {@link GuardianMonthTest} into
 * target/recorded-histories/): the first run of a month-long guardian, which ended by continuing as
 * new, and the run it continued into, which started from the handed-over state; and a guardian
 * whose spec changes were authorised by the worker's approval policy.
 */
class GuardianReplayTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "histories/guardian-first-run.json",
        "histories/guardian-continued.json",
        // marker guardian-action-policy: controls and a signal authorised by the worker's policy,
        // refused and allowed (recorded by GuardianPolicyTest)
        "histories/guardian-controlled.json"
      })
  void committedHistoriesReplay(String resource) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(resource, GuardianWorkflowImpl.class);
  }
}
