package dev.tollgate.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import dev.tollgate.stages.TrainedModel;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A spec with {@code training.command}: the same train activity, scheduled with the command's own
 * timeout (plus the stage's margin) and a 60 s heartbeat timeout, on the training queue; the
 * command's lineage reaches the registry.
 */
class CommandTrainingWorkflowTest {
  private static final Map<String, String> LINEAGE =
      Map.of("command", "[\"python\",\"train.py\"]", "code_version", "git:0123abcd");

  private PipelineFixture f;

  @BeforeEach
  void setUp() {
    f = new PipelineFixture();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  private static PipelineSpec spec() {
    String yaml =
        PipelineFixture.SPEC
            .formatted(1)
            .replace(
                "  algorithm: gradient_boosting\n  params: { trees: 50, max_depth: 4 }\n",
                "  command: [python, train.py]\n  timeout: 30m\n");
    return SpecParser.parse(yaml, "test.yaml", Path.of("/specs"));
  }

  @Test
  void theCommandRunsWithItsOwnTimeoutAndItsLineageIsRegistered() throws Exception {
    TrainedModel byCommand =
        new TrainedModel(
            "file:/artifacts/abc/", "abc", "d1", 800, 200, PipelineFixture.METRICS, 1200, LINEAGE);
    when(f.train.train(any())).thenReturn(byCommand);
    f.start();
    PipelineSpec spec = spec();
    assertThat(spec.training().byCommand()).isTrue();
    WorkflowStub run = f.startRun(spec, "cmd");
    f.awaitStage(run, Stage.AWAITING_APPROVAL);

    verify(f.train).train(argThat(r -> r.training().command() != null));
    verify(f.registry).registerCandidate(argThat(r -> r.lineage().equals(LINEAGE)));
    List<HistoryEvent> scheduled =
        f
            .env
            .getWorkflowClient()
            .fetchHistory(run.getExecution().getWorkflowId())
            .getEvents()
            .stream()
            .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
            .filter(
                e ->
                    e.getActivityTaskScheduledEventAttributes()
                        .getActivityType()
                        .getName()
                        .equals("Train"))
            .toList();
    assertThat(scheduled).hasSize(1);
    var train = scheduled.getFirst().getActivityTaskScheduledEventAttributes();
    assertThat(train.getTaskQueue().getName()).isEqualTo(TaskQueues.TRAINING);
    assertThat(train.getStartToCloseTimeout().getSeconds())
        .isEqualTo(Duration.ofMinutes(30).plus(StageOptions.COMMAND_MARGIN).toSeconds());
    assertThat(train.getHeartbeatTimeout().getSeconds()).isEqualTo(60);

    // approved and deployed: recorded for PipelineReplayTest (docs/testing.md)
    run.update("decide", DecisionRecord.class, new DecisionRequest(true, "alice", "lgtm"));
    assertThat(run.getResult(PipelineResult.class).outcome())
        .isEqualTo(dev.tollgate.stages.Outcome.DEPLOYED);
    var history = f.env.getWorkflowClient().fetchHistory(run.getExecution().getWorkflowId());
    Path out = java.nio.file.Files.createDirectories(Path.of("target", "recorded-histories"));
    java.nio.file.Files.writeString(
        out.resolve("pipeline-trained-by-command.json"), history.toJson(true));
    io.temporal.testing.WorkflowReplayer.replayWorkflowExecution(
        history, PipelineWorkflowImpl.class);
  }
}
