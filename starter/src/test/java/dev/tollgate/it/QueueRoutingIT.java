package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.tools.InstalledTool;
import io.temporal.api.history.v1.HistoryEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code training.task_queue: gpu} on a real dev server with two worker processes: {@code --queues
 * pipeline} and {@code --queues gpu --training-commands}, sharing one artifact folder (declared
 * shared: same host). Until the gpu worker starts, {@code tollgate status} says the run waits for a
 * worker on queue gpu; then the gpu worker runs the spec's python3 script (scikit-learn, exported
 * with skl2onnx) and the pipeline worker validates, registers and deploys the ONNX model.
 */
@ExtendWith(SharedStack.class)
class QueueRoutingIT {
  private static final String MODEL = "it-route";

  @Test
  void aRoutedTrainingWaitsForItsPoolThenRunsThereAndTheRestOnThePipelineWorker() throws Exception {
    Path python =
        InstalledTool.find(
            "TOLLGATE_PYTHON_ML",
            "install-python-ml.sh",
            "QueueRoutingIT's training script needs scikit-learn and skl2onnx");
    TemporalDevServer server = SharedStack.get().server();
    String ns = SharedStack.ROUTE_NAMESPACE;
    Cli cli = new Cli(server.address(), ns);
    Path dir = ItSettings.newWorkDir("route-spec");
    Path spec = writeSpec(dir, python);
    Map<String, String> env = new HashMap<>();
    env.put("TOLLGATE_ARTIFACTS", "file:" + ItSettings.newWorkDir("route-artifacts"));
    env.put("TOLLGATE_DATA_ROOTS", dir.toString());
    env.put("TOLLGATE_WORKER_QUEUES", "pipeline");
    Map<String, String> gpuEnv = new HashMap<>(env);
    gpuEnv.put("TOLLGATE_WORKER_QUEUES", "gpu");
    gpuEnv.put("TOLLGATE_WORKER_SHARED_ARTIFACTS_FOLDER", "true");
    gpuEnv.put("TOLLGATE_TRAINING_COMMANDS", "true");

    try (WorkerProcess pipeline = start("route-pipeline", ns, env)) {
      assertThat(Files.readString(pipeline.log()))
          .contains("Queues: pipeline (tollgate-pipeline), training (tollgate-training)");
      ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
      assertThat(started.exitCode()).as(started.toString()).isZero();
      Runs runs = new Runs(cli, pipeline::tail);
      RunStatus waiting = awaitWaiting(runs);
      assertThat(waiting.lines().get("progress"))
          .as(waiting.toString())
          .startsWith("waiting for a worker on ");

      try (WorkerProcess gpu = start("route-gpu", ns, gpuEnv)) {
        assertThat(Files.readString(gpu.log())).contains("Queues: gpu (tollgate-training-gpu)");
        Runs both = new Runs(cli, () -> pipeline.tail() + "\n--- gpu worker:\n" + gpu.tail());
        both.awaitStage(MODEL + "/r1", "AWAITING_APPROVAL", Duration.ofMinutes(4));
        assertThat(cli.approve(MODEL + "/r1", "alice").exitCode()).isZero();
        RunStatus done = both.awaitFinished(MODEL + "/r1", Duration.ofMinutes(3));
        assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED " + MODEL + " v1");

        Map<String, String> identities = new HashMap<>();
        Map<Long, String> types = new HashMap<>();
        for (HistoryEvent e : History.events(server, ns, "pipeline/" + MODEL + "/r1")) {
          if (e.hasActivityTaskScheduledEventAttributes()) {
            var a = e.getActivityTaskScheduledEventAttributes();
            types.put(e.getEventId(), a.getActivityType().getName());
            if (a.getActivityType().getName().equals("Train")) {
              assertThat(a.getTaskQueue().getName()).isEqualTo("tollgate-training-gpu");
            }
          }
          if (e.hasActivityTaskStartedEventAttributes()) {
            var a = e.getActivityTaskStartedEventAttributes();
            identities.put(types.get(a.getScheduledEventId()), a.getIdentity());
          }
        }
        assertThat(identities.get("Train")).startsWith(gpu.pid() + "@");
        assertThat(identities.get("Validate")).startsWith(pipeline.pid() + "@");
      }
    }
  }

  private static RunStatus awaitWaiting(Runs runs) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    RunStatus last = null;
    while (System.nanoTime() < deadline) {
      last = runs.status(MODEL + "/r1");
      String progress = last.lines().get("progress");
      if (progress != null && progress.startsWith("waiting for a worker")) return last;
      Thread.sleep(1000);
    }
    throw new AssertionError("status never said it waits for a worker: " + last);
  }

  private static WorkerProcess start(String name, String ns, Map<String, String> env) {
    return WorkerProcess.start(
        name, SharedStack.get().server().address(), ns, ItSettings.newWorkDir(name + "-home"), env);
  }

  /** A seeded two-class CSV, the script beside the spec, and the spec routing it to gpu. */
  private static Path writeSpec(Path dir, Path python) throws Exception {
    Random random = new Random(7);
    StringBuilder csv = new StringBuilder("f0,f1,label\n");
    for (int i = 0; i < 400; i++) {
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      csv.append(
          String.format(java.util.Locale.ROOT, "%.4f,%.4f,%s%n", a, b, a + b > 0 ? "yes" : "no"));
    }
    Files.writeString(dir.resolve("rows.csv"), csv, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("train.py"),
        """
        import os
        import numpy as np
        import pandas as pd
        from skl2onnx import to_onnx
        from sklearn.linear_model import LogisticRegression
        train = pd.read_csv(os.path.join(os.environ["TOLLGATE_CHANNEL_TRAIN"], "train.csv"))
        x = train.drop(columns=["label"]).to_numpy(dtype=np.float32)
        model = LogisticRegression().fit(x, train["label"].astype(str).to_numpy())
        onx = to_onnx(model, x[:1], options={"zipmap": False}, target_opset={"": 17, "ai.onnx.ml": 3})
        with open(os.path.join(os.environ["TOLLGATE_MODEL_DIR"], "model.onnx"), "wb") as f:
            f.write(onx.SerializeToString())
        """,
        StandardCharsets.UTF_8);
    Path spec = dir.resolve("route.yaml");
    Files.writeString(
        spec,
        """
        model: %s
        task: classification
        data:
          train: file:%s
          target: label
          features: [f0, f1]
          min_rows: 100
        training:
          command: [%s, train.py]
          task_queue: gpu
        validation:
          thresholds: { accuracy: { min: 0.8 } }
        approval:
          approvers: [alice]
          min_approvals: 1
          timeout: 1h
        deploy:
          target: local
        """
            .formatted(MODEL, dir.resolve("rows.csv"), python),
        StandardCharsets.UTF_8);
    return spec;
  }
}
