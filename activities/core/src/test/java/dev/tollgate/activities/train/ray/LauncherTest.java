package dev.tollgate.activities.train.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.activities.artifacts.LocalArtifactStore;
import dev.tollgate.activities.files.Json;
import dev.tollgate.activities.train.command.RunFolder;
import dev.tollgate.activities.train.command.TrainRows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher for real, with this machine's python3 against a folder stage (what a Ray node does
 * after unpacking the job's package): inputs fetched, the contract's variables set, results and
 * manifest uploaded, the command's exit code kept, its process group ended on SIGTERM.
 */
class LauncherTest {
  @TempDir Path dir;
  private Path jobDir;
  private LocalArtifactStore store;
  private RayStage stage;
  private static final String ID = "tollgate-m-r1-1";

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue(python() != null, "python3 is on this machine");
    jobDir = Files.createDirectories(dir.resolve("job"));
    Files.write(jobDir.resolve(RayPackage.LAUNCHER), RayPackage.launcher());
    store = new LocalArtifactStore(dir.resolve("stage"));
    stage = new RayStage(store, 1 << 30);
  }

  private static String python() {
    for (String p : List.of("/usr/bin/python3", "/usr/local/bin/python3")) {
      if (Files.isExecutable(Path.of(p))) return p;
    }
    return null;
  }

  /** Stages the inputs for {@code script} (sh) and runs the launcher; its exit code. */
  private Process launch(String script) throws IOException {
    Files.writeString(jobDir.resolve("train.sh"), script);
    RunFolder run = RunFolder.create(dir.resolve("runs"));
    run.fill(
        TrainRows.copyOf(Files.writeString(dir.resolve("rows.csv"), "x,y\n1,2\n")),
        "{\"max_depth\": 6}");
    stage.putInputs(
        ID, run, List.of("sh", "train.sh", "--max_depth", "6"), Map.of("max_depth", "6"), null);
    ProcessBuilder pb =
        new ProcessBuilder(python(), RayPackage.LAUNCHER)
            .directory(jobDir.toFile())
            .redirectOutput(dir.resolve("out.log").toFile())
            .redirectError(dir.resolve("err.log").toFile());
    pb.environment().put("TOLLGATE_RAY_STAGE", stage.uri(ID));
    return pb.start();
  }

  private int run(String script) throws Exception {
    Process p = launch(script);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private JsonNode manifest() throws IOException {
    return Json.mapper().readTree(store.get(RayStage.prefix(ID) + RayStage.MANIFEST));
  }

  private String result(String path) {
    return new String(store.get(RayStage.prefix(ID) + "result/" + path));
  }

  @Test
  void theContractHoldsOnTheNodeAndTheResultsComeBackWithTheirDigests() throws Exception {
    int exit =
        run(
            """
            set -e
            test "$1 $2" = "--max_depth 6"
            test "$SM_HP_MAX_DEPTH" = 6
            test "$TOLLGATE_MODEL_DIR" = "$SM_MODEL_DIR"
            test -z "$TOLLGATE_RAY_STAGE"
            cp "$TOLLGATE_CHANNEL_TRAIN/train.csv" "$TOLLGATE_MODEL_DIR/model.onnx"
            mkdir -p "$TOLLGATE_MODEL_DIR/extra"
            echo "$SM_HPS" > "$TOLLGATE_MODEL_DIR/extra/hps.json"
            echo '{"auc": 0.9}' > "$TOLLGATE_OUTPUT_DIR/metrics.json"
            echo "tollgate:progress 0.5 half"
            """);

    assertThat(exit).as(Files.readString(dir.resolve("err.log"))).isZero();
    assertThat(Files.readString(dir.resolve("out.log"))).contains("tollgate:progress 0.5 half");
    assertThat(manifest().path("exit_code").asInt()).isZero();
    assertThat(manifest().findValuesAsText("path"))
        .containsExactly("model/model.onnx", "model/extra/hps.json", "output/metrics.json");
    assertThat(result("model/model.onnx")).isEqualTo("x,y\n1,2\n");
    assertThat(result("model/extra/hps.json")).contains("\"max_depth\": 6");

    RunFolder local = RunFolder.create(dir.resolve("fetched"));
    stage.fetch(ID, local); // sizes and sha256 as the runner checks them
    assertThat(local.model().resolve("model.onnx")).hasContent("x,y\n1,2\n");
  }

  @Test
  void noModelStillUploadsTheManifestWithExit0() throws Exception {
    assertThat(run("echo hi > \"$TOLLGATE_OUTPUT_DIR/notes.txt\"\n")).isZero();
    assertThat(manifest().findValuesAsText("path")).containsExactly("output/notes.txt");
  }

  @Test
  void exit3KeepsItsCodeAndItsFailureFile() throws Exception {
    assertThat(run("echo 'bad labels' > \"$TOLLGATE_OUTPUT_DIR/failure\"\nexit 3\n")).isEqualTo(3);
    assertThat(manifest().path("exit_code").asInt()).isEqualTo(3);
    assertThat(result("output/failure")).isEqualTo("bad labels\n");
  }

  @Test
  void exit75IsPassedOn() throws Exception {
    assertThat(run("exit 75\n")).isEqualTo(75);
    assertThat(manifest().path("exit_code").asInt()).isEqualTo(75);
  }

  @Test
  void raysStopEndsTheWholeGroupChildrenIncludedBeforeRayKillsTheLauncher() throws Exception {
    Path pids = dir.resolve("pids");
    Process launcher =
        launch(
            "trap '' TERM\nsleep 300 &\necho $! > " + pids + "\necho $$ >> " + pids + "\nwait\n");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while ((!Files.exists(pids) || Files.readAllLines(pids).size() < 2)
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    List<Long> children = Files.readAllLines(pids).stream().map(Long::parseLong).toList();

    // as Ray's stop: SIGTERM to the launcher, SIGKILL 3 s later (RAY_JOB_STOP_WAIT_TIME_S) — the
    // command's group, in a session of its own, must be gone by then
    launcher.destroy();
    if (!launcher.waitFor(3, TimeUnit.SECONDS)) launcher.destroyForcibly();

    assertThat(launcher.waitFor(5, TimeUnit.SECONDS)).isTrue();
    for (long pid : children) {
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("process %d of the command's group", pid)
          .isFalse();
    }
    assertThat(store.exists(RayStage.prefix(ID) + RayStage.MANIFEST))
        .as("stopped: no results")
        .isFalse();
  }

  @Test
  void whatTheCommandLeftRunningIsEndedWhenItExits() throws Exception {
    Path pid = dir.resolve("pid");
    assertThat(run("sleep 300 &\necho $! > " + pid + "\nexit 0\n")).isZero();

    long left = Long.parseLong(Files.readString(pid).strip());
    Thread.sleep(200);
    assertThat(ProcessHandle.of(left).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void aHugeOutputPassesThrough() throws Exception {
    assertThat(run("head -c 30000000 /dev/zero | tr '\\0' 'x' | fold -w 100\nexit 0\n")).isZero();
    assertThat(Files.size(dir.resolve("out.log"))).isGreaterThan(30_000_000L);
  }

  @Test
  void itsOwnFailureExits70WithALineThatSaysWhat() throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(python(), RayPackage.LAUNCHER)
            .directory(jobDir.toFile())
            .redirectErrorStream(true);
    pb.environment().put("TOLLGATE_RAY_STAGE", stage.uri("nothing-staged"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());

    assertThat(p.waitFor()).isEqualTo(70);
    assertThat(out)
        .startsWith("tollgate-launcher: cannot fetch the inputs from ")
        .doesNotContain("Traceback");
  }
}
