package dev.tollgate.activities.train.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.spec.ContainerSpec;
import dev.tollgate.spec.ParamValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ContainerRunner} against a {@link FakeEngine}: the contract's side (model, failure,
 * timeout, output) and the engine's (missing image, outage, argv, env file, stop and removal).
 */
class ContainerRunnerTest {
  @TempDir Path dir;
  private RunnerFixture fx;
  private FakeEngine engine;

  @BeforeEach
  void setUp() throws IOException {
    fx = new RunnerFixture(dir);
    engine = new FakeEngine();
    engine.images.put(
        "team/t:1",
        new ContainerEngine.Image(
            "sha256:abc", List.of("tini", "--"), List.of("python3", "/opt/ml/code/train.py")));
  }

  private ContainerRunner runner(ContainerPolicy policy) {
    return new ContainerRunner(
        new RunnerSettings(
            dir.resolve("home/training-runs"),
            Duration.ofMillis(200),
            Duration.ofMillis(100),
            1024 * 1024,
            Set.of("WANDB_API_KEY")),
        policy,
        engine,
        Map.of("WANDB_API_KEY", "w-key", "TOLLGATE_DB_PASSWORD", "secret", "PATH", "/host/bin"));
  }

  private ContainerRequest request(ContainerSpec spec, List<String> command, Duration timeout) {
    Map<String, ParamValue> params = new LinkedHashMap<>();
    params.put("max_depth", new ParamValue.Numeric(6));
    return new ContainerRequest(
        "churn",
        "run/7",
        2,
        spec,
        command,
        TrainRows.copyOf(fx.trainCsv),
        params,
        Map.of("WANDB_MODE", "offline"),
        timeout,
        null);
  }

  private CommandOutcome run(ContainerRequest request) throws IOException {
    return runner(ContainerPolicy.defaults())
        .run(request, fx.listener(), (s, line) -> fx.lines.add(s + " " + line));
  }

  private static ContainerSpec spec(String image) {
    return new ContainerSpec(image, null, null, null, null);
  }

  @Test
  void theImagesEntrypointAndCmdComeFirstThenTheParamsAndTheContractsEnvironment()
      throws IOException {
    engine.script = "echo 'tollgate:progress 0.5 half'; echo onnx > $MODEL/model.onnx";
    CommandOutcome outcome = run(request(spec("team/t:1"), List.of(), Duration.ofMinutes(1)));

    assertThat(outcome).isInstanceOf(CommandOutcome.Succeeded.class);
    ContainerLaunch launch = engine.launched;
    assertThat(launch.argv())
        .containsExactly("tini", "--", "python3", "/opt/ml/code/train.py", "--max_depth", "6");
    assertThat(launch.image()).isEqualTo("sha256:abc");
    assertThat(launch.name()).isEqualTo("tollgate-train-churn-run-7-2");
    assertThat(launch.labels())
        .containsEntry(ContainerNames.RUN, "run/7")
        .containsEntry(ContainerNames.ATTEMPT, "2")
        .containsEntry(ContainerNames.WORKER, dir.resolve("home/training-runs").toString());
    assertThat(launch.limits().network()).isEqualTo("none");
    assertThat(engine.envFileText)
        .contains("TOLLGATE_MODEL_DIR=/opt/ml/model\n", "SM_MODEL_DIR=/opt/ml/model\n")
        .contains("TOLLGATE_CHANNEL_TRAIN=/opt/ml/input/data/train\n")
        .contains("SM_CHANNEL_TRAIN=/opt/ml/input/data/train\n")
        .contains("TOLLGATE_OUTPUT_DIR=/opt/ml/output\n", "SM_OUTPUT_DATA_DIR=/opt/ml/output\n")
        .contains("TOLLGATE_HYPERPARAMETERS=/opt/ml/input/config/hyperparameters.json\n")
        .contains("SM_HPS={\"max_depth\":6}\n", "SM_HP_MAX_DEPTH=6\n", "TMPDIR=/tmp\n")
        .contains("WANDB_MODE=offline\n", "WANDB_API_KEY=w-key\n", "PYTHONUNBUFFERED=1\n")
        .doesNotContain("secret")
        .doesNotContain("/host/bin");
    assertThat(fx.progress).containsExactly(0.5);
    // the env file is read at create and never left in the run folder
    assertThat(launch.envFile()).doesNotExist();
    assertThat(engine.calls).last().isEqualTo("remove tollgate-train-churn-run-7-2");
  }

  @Test
  void theSpecsCommandIsTheWholeArgvReplacingTheImagesEntrypointAndCmd() throws IOException {
    engine.script = "echo m > $MODEL/model.onnx";
    run(request(spec("team/t:1"), List.of("python3", "other.py"), Duration.ofMinutes(1)));
    assertThat(engine.launched.argv()).containsExactly("python3", "other.py", "--max_depth", "6");
  }

  @Test
  void theMountsPutTheRunFolderAtSageMakersPathsTheDataReadOnly() throws IOException {
    engine.script = "echo m > $MODEL/model.onnx";
    run(request(spec("team/t:1"), List.of(), Duration.ofMinutes(1)));
    Map<String, ContainerLaunch.Mount> byTarget = new LinkedHashMap<>();
    engine.launched.mounts().forEach(m -> byTarget.put(m.target(), m));
    assertThat(byTarget.keySet())
        .containsExactly(
            "/opt/ml/input/data/train",
            "/opt/ml/input/config",
            "/opt/ml/model",
            "/opt/ml/output",
            "/tmp");
    assertThat(byTarget.get("/opt/ml/input/data/train").readOnly()).isTrue();
    assertThat(byTarget.get("/opt/ml/input/config").readOnly()).isTrue();
    assertThat(byTarget.get("/opt/ml/model").readOnly()).isFalse();
    assertThat(byTarget.get("/opt/ml/model").source().getFileName().toString()).isEqualTo("model");
    assertThat(engine.launched.user()).matches("\\d+:\\d+");
  }

  @Test
  void aMissingImageFailsAtOnceNamingItWithoutRetry() throws IOException {
    CommandOutcome outcome = run(request(spec("team/nope:1"), List.of(), Duration.ofMinutes(1)));
    assertThat(outcome).isInstanceOf(CommandOutcome.Failed.class);
    CommandOutcome.Failed f = (CommandOutcome.Failed) outcome;
    assertThat(f.retryable()).isFalse();
    assertThat(f.message())
        .contains("the image team/nope:1 is not on this worker's container host")
        .contains("unix:///fake.sock")
        .contains("pull: never");
    assertThat(engine.calls).noneMatch(c -> c.startsWith("create") || c.startsWith("pull"));
  }

  @Test
  void anUnreachableEngineIsAnOutageWorthARetry() throws IOException {
    engine.failNext =
        new ContainerEngine.EngineException(
            ContainerEngine.EngineException.Kind.UNREACHABLE,
            "Cannot connect to the Docker daemon");
    CommandOutcome.Failed f =
        (CommandOutcome.Failed) run(request(spec("team/t:1"), List.of(), Duration.ofMinutes(1)));
    assertThat(f.retryable()).isTrue();
    assertThat(f.message())
        .contains("not reachable at unix:///fake.sock (DOCKER_HOST)")
        .contains("Cannot connect");
  }

  @Test
  void aNonZeroExitGivesTheFailureFile() throws IOException {
    engine.script = "echo 'bad column' > $OUTPUT/failure; echo noise >&2; exit 3";
    CommandOutcome.Failed f =
        (CommandOutcome.Failed) run(request(spec("team/t:1"), List.of(), Duration.ofMinutes(1)));
    assertThat(f.message()).isEqualTo("exit 3: bad column");
    assertThat(f.retryable()).isFalse();
  }

  @Test
  void aTimeoutStopsTheContainerThroughTheEngineAndRemovesIt() throws IOException {
    engine.script = "exec sleep 600";
    CommandOutcome outcome = run(request(spec("team/t:1"), List.of(), Duration.ofMillis(500)));
    assertThat(outcome).isInstanceOf(CommandOutcome.Stopped.class);
    assertThat(((CommandOutcome.Stopped) outcome).reason()).startsWith("timed out");
    assertThat(engine.calls)
        .containsSubsequence(
            "stop tollgate-train-churn-run-7-2", "remove tollgate-train-churn-run-7-2");
  }

  @Test
  void aCancellationStopsTheContainer() throws IOException {
    engine.script = "exec sleep 600";
    fx.stop.set("cancelled");
    CommandOutcome outcome = run(request(spec("team/t:1"), List.of(), Duration.ofMinutes(1)));
    assertThat(((CommandOutcome.Stopped) outcome).reason()).isEqualTo("cancelled");
    assertThat(engine.calls).contains("stop tollgate-train-churn-run-7-2");
  }

  @Test
  void megabytesOfOutputLeaveABoundedTrainLog() throws IOException {
    engine.script =
        "i=0; while [ $i -lt 40000 ]; do echo \"line $i $(printf '%0100d' 0)\"; i=$((i+1)); done;"
            + " echo m > $MODEL/model.onnx";
    CommandOutcome outcome = run(request(spec("team/t:1"), List.of(), Duration.ofMinutes(2)));
    assertThat(outcome).isInstanceOf(CommandOutcome.Succeeded.class);
    assertThat(Files.size(outcome.trainLog())).isLessThanOrEqualTo(1024 * 1024);
    assertThat(Files.readString(outcome.trainLog())).contains("line 0 ", "line 39999 ");
  }

  @Test
  void aSpecAskingMoreThanTheWorkerAllowsIsRefusedBeforeAnythingRuns() {
    ContainerSpec host = new ContainerSpec("team/t:1", null, null, null, "host");
    assertThatThrownBy(() -> run(request(host, List.of(), Duration.ofMinutes(1))))
        .isInstanceOf(ContainerPolicy.Refused.class)
        .hasMessageContaining("training.network: host is not allowed");
    assertThat(engine.calls).isEmpty();
  }

  @Test
  void anImageWithoutEntrypointOrCmdNeedsACommand() throws IOException {
    engine.images.put("bare:1", new ContainerEngine.Image("sha256:b", List.of(), List.of()));
    CommandOutcome.Failed f =
        (CommandOutcome.Failed) run(request(spec("bare:1"), List.of(), Duration.ofMinutes(1)));
    assertThat(f.message()).contains("neither ENTRYPOINT nor CMD: set training.command");
  }

  @Test
  void withPullMissingAnImageThatCannotBePulledFailsNamingIt() throws IOException {
    ContainerPolicy pull =
        new ContainerPolicy(Set.of("none"), null, null, false, ContainerPolicy.Pull.MISSING);
    CommandOutcome.Failed f =
        (CommandOutcome.Failed)
            runner(pull)
                .run(
                    request(spec("team/nope:1"), List.of(), Duration.ofMinutes(1)),
                    fx.listener(),
                    LogSink.DISCARD);
    assertThat(engine.calls).contains("pull team/nope:1").noneMatch(c -> c.startsWith("create"));
    assertThat(f.retryable()).isFalse();
    assertThat(f.message()).contains("the image team/nope:1 is not on", "pull access denied");
  }

  @Test
  void anEnvValueWithALineBreakIsRefusedNamingIt() throws IOException {
    ContainerRequest withBreak =
        new ContainerRequest(
            "churn",
            "r",
            1,
            spec("team/t:1"),
            List.of(),
            TrainRows.copyOf(fx.trainCsv),
            Map.of(),
            Map.of("NOTE", "two\nlines"),
            Duration.ofMinutes(1),
            null);
    CommandOutcome.Failed f = (CommandOutcome.Failed) run(withBreak);
    assertThat(f.message())
        .isEqualTo(
            "training.env: the value of NOTE has a line break: a container cannot be given it");
    assertThat(engine.calls).noneMatch(c -> c.startsWith("create"));
  }

  @Test
  void leftoversAreFoundByTheWorkersLabel() throws Exception {
    runner(ContainerPolicy.defaults()).removeLeftovers();
    assertThat(engine.calls)
        .containsExactly("removeLabelled dev.tollgate.worker=" + dir.resolve("home/training-runs"));
  }
}
