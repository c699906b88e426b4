package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.tollgate.spec.ParamValue;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.Outcome;
import dev.tollgate.stages.TrainRequest;
import dev.tollgate.stages.TrialResult;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HyperparameterSearchTest {
  private final PipelineFixture f = new PipelineFixture();

  @AfterEach
  void tearDown() {
    f.close();
  }

  private static PipelineSpec specWithSearch() {
    String yaml =
        PipelineFixture.SPEC
            .formatted(1)
            .replace(
                "  seed: 7\n",
                "  seed: 7\n  search: { method: grid, parallelism: 2, space: { max_depth: [3, 4, 5, 6] } }\n");
    return SpecParser.parse(yaml, "search.yaml", Path.of("/"));
  }

  /** rmse falls with depth, except depth 6, whose trial fails. */
  private TrialResult scored(TrainRequest r, AtomicInteger running, AtomicInteger peak)
      throws InterruptedException {
    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
    try {
      Thread.sleep(150);
      double depth = ((ParamValue.Numeric) r.training().param("max_depth")).value();
      if (depth == 6)
        throw ApplicationFailure.newNonRetryableFailure(
            "out of memory on purpose", FailureTypes.INVALID_DATA);
      return new TrialResult(-1, r.training().params(), Map.of("rmse", 50 - depth), null, 10);
    } finally {
      running.decrementAndGet();
    }
  }

  @Test
  void runsTrialsAtMostKAtOnceAndTrainsTheBestRecordingFailures() throws Exception {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    when(f.train.trial(any())).thenAnswer(a -> scored(a.getArgument(0), running, peak));
    f.start();
    WorkflowStub run = f.startRun(specWithSearch(), "s1");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", null));
    PipelineResult result = run.getResult(PipelineResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.DEPLOYED);
    assertThat(peak.get()).isEqualTo(2);
    SearchSummary search = result.search();
    assertThat(search.trials()).extracting(TrialResult::index).containsExactly(0, 1, 2, 3);
    assertThat(search.trials().get(3).failure()).contains("out of memory on purpose");
    assertThat(search.bestIndex()).isEqualTo(2);
    assertThat(search.bestParams()).containsEntry("max_depth", ParamValue.number(5));
    assertThat(result.stages().get(0).stage()).isEqualTo(Stage.SEARCHING);
    assertThat(result.stages().get(0).summary()).isEqualTo("best rmse 45.0 of 4 trials (1 failed)");
    verify(f.train)
        .train(
            argThat(
                r ->
                    ParamValue.number(5).equals(r.training().param("max_depth"))
                        && r.training().search() == null));
    // The history behind histories/pipeline-searched.json, which PipelineReplayTest replays.
    PipelineReplayTest.record(f, run, "pipeline-searched.json");
  }

  @Test
  void whenEveryTrialFailsTheRunFailsWithoutTraining() {
    when(f.train.trial(any()))
        .thenThrow(
            ApplicationFailure.newNonRetryableFailure("bad column", FailureTypes.INVALID_DATA));
    f.start();
    PipelineResult result = f.startRun(specWithSearch(), "s2").getResult(PipelineResult.class);

    assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(result.failure())
        .startsWith("search: all 4 trials failed; first: Trial: TollgateInvalidData: bad column");
    verify(f.train, never()).train(any());
  }
}
