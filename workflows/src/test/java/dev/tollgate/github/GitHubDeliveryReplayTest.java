package dev.tollgate.github;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed delivery histories replay on today's workflow code (ADR 0012, docs/testing.md):
 * recorded by {@link GitHubDeliveryWorkflowTest} into target/recorded-histories/.
 */
class GitHubDeliveryReplayTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        // a push: two runs, one deployed, one rejected by validation
        "histories/github-delivery-push.json",
        // a pull request: a check run validated, a spec that does not parse, the comment
        "histories/github-delivery-pull-request.json"
      })
  void committedHistoriesReplay(String resource) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(
        resource, GitHubDeliveryWorkflowImpl.class);
  }
}
