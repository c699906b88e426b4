package dev.tollgate.activities.train.ray;

import dev.tollgate.activities.artifacts.Digests;
import dev.tollgate.activities.artifacts.LocalArtifactStore;
import dev.tollgate.activities.files.Json;
import dev.tollgate.activities.train.command.CommandOutcome;
import dev.tollgate.activities.train.command.RunListener;
import dev.tollgate.activities.train.command.RunnerSettings;
import dev.tollgate.activities.train.command.TrainRows;
import dev.tollgate.spec.ParamValue;
import dev.tollgate.spec.RaySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Ray runner over the fake cluster and a folder stage, with a short tick, grace and outage grace;
 * records the log lines, progress, lineage and the job the attempt remembers.
 */
final class RayFixture {
  final Path dir;
  final Path workdir;
  final LocalArtifactStore stage;
  final FakeRayJobs ray = new FakeRayJobs();
  final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  final List<Double> progress = Collections.synchronizedList(new ArrayList<>());
  final AtomicReference<String> stop = new AtomicReference<>();
  final Map<String, String> lineage = new ConcurrentHashMap<>();
  final List<RayJobMemory.Ref> remembered = Collections.synchronizedList(new ArrayList<>());
  RayJobMemory.Ref previous;
  Duration outageGrace = Duration.ofMillis(400);
  Duration timeout = Duration.ofSeconds(20);
  RaySpec spec = new RaySpec(null, null, null, List.of(), null, Map.of("RAY_VAR", "1"));
  int attempt = 1;

  RayFixture(Path dir) throws IOException {
    this.dir = dir;
    this.workdir = Files.createDirectories(dir.resolve("spec/trainer"));
    Files.writeString(workdir.resolve("train.py"), "print('hi')\n");
    this.stage = new LocalArtifactStore(dir.resolve("stage"));
  }

  RayPolicy policy() {
    return new RayPolicy(
        FakeRayJobs.ADDRESS, Set.of(), "python", null, null, false, outageGrace, 0, 1 << 20);
  }

  RayRunner runner() {
    return runner(policy());
  }

  RayRunner runner(RayPolicy policy) {
    RunnerSettings settings =
        new RunnerSettings(
            dir.resolve("home/training-runs"),
            Duration.ofMillis(500),
            Duration.ofMillis(30),
            1 << 20,
            Set.of());
    return new RayRunner(settings, policy, address -> ray, stage);
  }

  RayRequest request() throws IOException {
    Map<String, ParamValue> params = new LinkedHashMap<>();
    params.put("max_depth", new ParamValue.Numeric(6));
    return new RayRequest(
        "energy",
        "r1",
        null,
        attempt,
        List.of("python", "train.py"),
        workdir,
        List.of(),
        spec,
        TrainRows.copyOf(Files.writeString(dir.resolve("rows.csv"), "x,y\n1,2\n")),
        params,
        Map.of("SPEC_VAR", "a"),
        timeout,
        null);
  }

  CommandOutcome run() throws IOException {
    return run(runner());
  }

  CommandOutcome run(RayRunner runner) throws IOException {
    return runner.run(
        request(), listener(), (stream, line) -> lines.add(line), memory(), lineage::put);
  }

  RayJobMemory memory() {
    return new RayJobMemory() {
      @Override
      public Optional<Ref> previous() {
        return Optional.ofNullable(previous);
      }

      @Override
      public void following(Ref ref) {
        remembered.add(ref);
      }
    };
  }

  RunListener listener() {
    return new RunListener() {
      @Override
      public void progress(double fraction, String text) {
        progress.add(fraction);
      }

      @Override
      public String stopReason() {
        return stop.get();
      }
    };
  }

  /** What the launcher leaves in the stage: the files and a manifest with the exit code. */
  Runnable results(String id, int exit, Map<String, String> files) {
    return () -> {
      List<Map<String, Object>> listed = new ArrayList<>();
      files.forEach(
          (path, text) -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            stage.put(RayStage.prefix(id) + "result/" + path, bytes);
            listed.add(Map.of("path", path, "size", bytes.length, "sha256", Digests.sha256(bytes)));
          });
      stage.put(
          RayStage.prefix(id) + RayStage.MANIFEST,
          Json.pretty(Map.of("exit_code", exit, "files", listed)));
    };
  }

  /** A job that runs, prints a progress line in Ray's colours, and succeeds with a model. */
  void succeeding() {
    ray.behaviour =
        (job, s) ->
            job.pending()
                .running("\u001b[36m(train pid=7)\u001b[0m epoch 1\n")
                .running("tollgate:progress 0.5 half\n")
                .ends(
                    RayJobs.Status.SUCCEEDED,
                    null,
                    "Job finished successfully.",
                    0,
                    results(
                        job.id,
                        0,
                        Map.of(
                            "model/model.onnx", "onnx-bytes",
                            "output/metrics.json", "{\"auc\": 0.9}")));
  }

  String ownId() {
    return SubmissionIds.of("energy", "r1", attempt);
  }

  Path staged(String id, String key) {
    return dir.resolve("stage").resolve(RayStage.prefix(id) + key);
  }
}
