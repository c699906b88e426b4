package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A training command's processes never outlive their run (issue 24), on the real dev server with a
 * worker process and the tests' trainer.py, which starts a child that ignores SIGTERM and then
 * works (sleeps) for up to ten minutes:
 *
 * <ul>
 *   <li>the worker SIGKILLed while the command runs: its processes run on, orphaned, until a new
 *       worker on the same home starts and ends them (found by {@code TOLLGATE_RUN_DIR} in their
 *       environment, as the test counts them); Temporal retries the lost attempt after its
 *       heartbeat timeout (60 s), the command trains this time, and the run deploys once: one
 *       version, one completed Train attempt, two starts of the command;
 *   <li>a run cancelled with {@code tollgate cancel} while the command runs: the whole group ends,
 *       the child that ignores SIGTERM too (SIGKILL after the worker's grace, 2 s here), the run is
 *       CANCELLED and nothing is registered.
 * </ul>
 *
 * Its own worker and namespace on the shared server (the worker is killed).
 */
@ExtendWith(SharedStack.class)
class TrainingCommandKillIT {
  private static final String NAMESPACE = SharedStack.COMMAND_KILL_NAMESPACE;
  private static final Duration STARTED = Duration.ofMinutes(3);
  private static final Duration ENDED = Duration.ofSeconds(60);
  private static WorkerProcess worker;
  private static Path home;
  private static Path specs;
  private static Cli cli;
  private static Runs runs;

  @BeforeAll
  static void start() {
    TemporalDevServer server = SharedStack.get().server();
    home = ItSettings.newWorkDir("command-kill-home");
    specs = ItSettings.newWorkDir("command-kill-specs");
    Map<String, String> env = new HashMap<>(PythonMl.onPath());
    env.put("TOLLGATE_TRAINING_COMMANDS", "true");
    env.put("TOLLGATE_TRAINING_GRACE", "2s");
    worker = WorkerProcess.start("command-kill", server.address(), NAMESPACE, home, env);
    cli = new Cli(server.address(), NAMESPACE);
    runs = new Runs(cli, () -> worker.tail() + "\nServer log: " + server.log());
  }

  @AfterAll
  static void stop() {
    if (worker != null) worker.close();
    // after a failed test (the worker killed and not restarted), nothing may outlive the run
    if (home != null) TrainingProcesses.killAll(home);
  }

  @Test
  void aWorkerKilledWhileTheCommandRunsLeavesNoProcessAndTheRunDeploysOnce() throws Exception {
    String model = "it-cmd-kill";
    String run = model + "/r1";
    Path marks = ItSettings.newWorkDir("command-kill-marks");
    Path spec = CommandSpecs.trainer(specs, model, "hang-first", marks);
    if (!worker.isAlive()) worker.startAgain();
    ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
    assertThat(started.exitCode()).as(started.toString()).isZero();
    awaitChild(marks);
    assertThat(TrainingProcesses.of(home))
        .as("the command and its child run")
        .hasSizeGreaterThan(1);

    worker.kill();
    assertThat(TrainingProcesses.of(home))
        .as(
            "killing the worker alone leaves the command running (so the restart's clean-up counts)")
        .isNotEmpty();
    worker.startAgain();
    awaitNoneLeft("after the worker's restart");

    // The lost attempt is retried once its heartbeat timeout (60 s) passes; it trains this time.
    runs.awaitStage(run, "AWAITING_APPROVAL", Duration.ofMinutes(4));
    ProcResult approved = cli.approveOnceAWorkerPolls(run, "bob");
    assertThat(approved.exitCode()).as(approved.toString()).isZero();
    RunStatus done = runs.awaitFinished(run, Duration.ofMinutes(2));
    assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED " + model + " v1");

    JsonNode registry = new RegistryView(cli).record(model);
    List<String> versions = RegistryView.versionStages(registry);
    int promotions = RegistryView.promotions(registry);
    List<Integer> trains =
        History.startedAttempts(SharedStack.get().server(), NAMESPACE, "pipeline/" + run, "Train");
    List<String> starts = Files.readAllLines(marks.resolve("starts"));
    FaultReport.row(
        "TrainingCommandKillIT",
        "worker SIGKILL while a training command runs",
        1,
        1,
        (versions.size() - 1) + (promotions - 1) + (trains.size() - 1));
    assertThat(versions).containsExactly("PRODUCTION");
    assertThat(promotions).isEqualTo(1);
    assertThat(trains).as("the killed attempt retried once, and only once").containsExactly(2);
    assertThat(starts).as("the command started by the lost attempt and by its retry").hasSize(2);
    assertThat(TrainingProcesses.of(home)).as("nothing left once the run ended").isEmpty();
  }

  @Test
  void aCancelledRunEndsTheCommandsWholeGroupAndRegistersNothing() throws Exception {
    String model = "it-cmd-cancel";
    String run = model + "/r1";
    Path marks = ItSettings.newWorkDir("command-cancel-marks");
    Path spec = CommandSpecs.trainer(specs, model, "hang", marks);
    if (!worker.isAlive()) worker.startAgain();
    ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
    assertThat(started.exitCode()).as(started.toString()).isZero();
    awaitChild(marks);
    assertThat(TrainingProcesses.of(home))
        .as("the command and its child run")
        .hasSizeGreaterThan(1);

    ProcResult cancelled = cli.run("cancel", run, "--by", "alice", "--reason", "wrong data window");
    assertThat(cancelled.exitCode()).as(cancelled.toString()).isZero();
    RunStatus done = runs.awaitFinished(run, Duration.ofMinutes(1));
    assertThat(done.outcome()).as(done.toString()).startsWith("CANCELLED " + model);
    // the run says CANCELLED only once the group has ended (the stage waits for its
    // cancellation), so nothing may be left at this moment, not merely soon after
    assertThat(TrainingProcesses.of(home))
        .as("processes when the run says CANCELLED, with a child that ignores SIGTERM")
        .isEmpty();
    assertThat(new RegistryView(cli).versionStages(model))
        .as("cancelled in training: nothing registered")
        .isEmpty();
  }

  /** Until the hanging command's child has started (it writes child-<pid> in the marks folder). */
  private static void awaitChild(Path marks) {
    Await.<List<String>>until(
        "the training command's child to start",
        STARTED,
        () -> {
          try (Stream<Path> files = Files.list(marks)) {
            return files.map(p -> p.getFileName().toString()).toList();
          } catch (IOException e) {
            return List.<String>of();
          }
        },
        names -> names.stream().anyMatch(n -> n.startsWith("child-")),
        worker::tail);
  }

  private static void awaitNoneLeft(String when) {
    Await.until(
        "no process of a training command " + when,
        ENDED,
        () -> TrainingProcesses.of(home),
        List::isEmpty,
        worker::tail);
  }
}
