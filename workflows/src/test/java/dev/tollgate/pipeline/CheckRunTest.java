package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.RegisterRequest;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pull request's check run trains on at most {@code pull_request.max_rows} rows, registers its
 * candidate with reason {@code pull_request}, validates it against Production and ends VALIDATED
 * (or REJECTED_BY_VALIDATION): never staging, approval, deploy or promote.
 */
class CheckRunTest {
  private PipelineFixture f;

  @BeforeEach
  void setUp() {
    f = new PipelineFixture();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  static PipelineSpec specWithPullRequest() {
    return SpecParser.parse(
        PipelineFixture.SPEC.formatted(1) + "pull_request: {max_rows: 500, timeout: 30m}\n",
        "test.yaml",
        Path.of("/"));
  }

  private static RunOptions pullRequest(String runId) {
    return new RunOptions(
        runId, "github", "pull request #12 at 1a2b3c4", Trigger.PULL_REQUEST, null);
  }

  @Test
  void aCheckRunThatPassesEndsValidatedWithoutDeployingOrAsking() throws Exception {
    f.start();
    WorkflowStub run = f.startRun(specWithPullRequest(), "pr12", pullRequest("pr12"));
    PipelineResult result = run.getResult(PipelineResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.VALIDATED);
    assertThat(result.decision()).isNull();
    assertThat(result.stages())
        .extracting(StageRecord::stage)
        .doesNotContain(Stage.STAGING, Stage.AWAITING_APPROVAL, Stage.DEPLOYING);
    verify(f.train).train(argThat(t -> Long.valueOf(500).equals(t.data().rowLimit())));
    verify(f.validate).validate(argThat(v -> Long.valueOf(500).equals(v.spec().data().rowLimit())));
    verify(f.registry)
        .registerCandidate(argThat(r -> RegisterRequest.PULL_REQUEST.equals(r.reason())));
    // the registry keeps the spec as written, not the bounded copy the stages read
    verify(f.registry)
        .registerCandidate(
            argThat(r -> r.specDigest().equals(SpecJson.digest(specWithPullRequest()))));
    verify(f.deploy, never()).deploy(any());
    verify(f.deploy, never()).smokeTest(any());
    verify(f.registry, never()).promote(any());
    verify(f.notify, never())
        .publish(argThat(e -> e instanceof dev.tollgate.stages.ApprovalRequested));
    PipelineReplayTest.record(f, run, "pipeline-pull-request-validated.json");
  }

  @Test
  void aCheckRunThatFailsValidationIsRejectedAsAnyRun() {
    when(f.validate.validate(any())).thenReturn(PipelineFixture.FAILED);
    f.start();
    WorkflowStub run = f.startRun(specWithPullRequest(), "pr13", pullRequest("pr13"));
    PipelineResult result = run.getResult(PipelineResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.REJECTED_BY_VALIDATION);
    verify(f.deploy, never()).deploy(any());
  }

  @Test
  void aSpecWithoutMaxRowsChecksEveryRow() {
    f.start();
    WorkflowStub run = f.startRun(PipelineFixture.spec(1), "pr14", pullRequest("pr14"));
    assertThat(run.getResult(PipelineResult.class).outcome()).isEqualTo(Outcome.VALIDATED);
    verify(f.train).train(argThat(t -> t.data().rowLimit() == null));
  }

  @Test
  void aPushRunReadsEveryRowAndRegistersWithoutAReason() throws Exception {
    f.start();
    RunOptions push = new RunOptions("p1", "github", "push to main", Trigger.PUSH, null);
    WorkflowStub run = f.startRun(specWithPullRequest(), "p1", push);
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    verify(f.train).train(argThat(t -> t.data().rowLimit() == null));
    verify(f.registry).registerCandidate(argThat(r -> r.reason() == null));
  }
}
