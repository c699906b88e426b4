package dev.tollgate.guardian;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Recorded guardian histories replay on today's code (recorded by {@link GuardianMonthTest} into
 * target/recorded-histories/): the first run of a month-long guardian, which ended by continuing as
 * new, and the run it continued into, which started from the handed-over state; a guardian whose
 * spec changes were authorised by the worker's approval policy; and a guardian disabled while its
 * run was in flight. Recordings of today's shape (ADR 0012).
 */
class GuardianReplayTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "histories/guardian-first-run.json",
        "histories/guardian-continued.json",
        // controls and a signal authorised by the worker's policy, refused and allowed
        // (recorded by GuardianPolicyTest)
        "histories/guardian-controlled.json",
        // disabled with a run in flight; the result says who disabled it and when (recorded by
        // GuardianEndTest)
        "histories/guardian-disabled.json"
      })
  void committedHistoriesReplay(String resource) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(resource, GuardianWorkflowImpl.class);
  }
}
