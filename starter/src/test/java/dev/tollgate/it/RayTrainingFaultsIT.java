package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.train.ray.RayJobs;
import dev.tollgate.activities.train.ray.RayJobs.Status;
import dev.tollgate.activities.train.ray.SubmissionIds;
import dev.tollgate.adapters.ray.HttpRayJobs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The train stage on the real two-node Ray cluster while the cluster breaks (issue 26): a worker
 * with Ray on ({@code TOLLGATE_TRAINING_RAY}, staging in its own artifact folder, which both nodes
 * of this machine reach) and a 5 s outage grace, in a namespace of its own. The command is the
 * test's {@code ray_driver.py}, which ends by training the test's trainer.py. The cases break the
 * cluster one after the other and leave it whole (two alive nodes) for the tests after them.
 */
@ExtendWith(SharedStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RayTrainingFaultsIT {
  @RegisterExtension static final RayCluster RAY = new RayCluster();
  private static final String NAMESPACE = SharedStack.RAY_FAULTS_NAMESPACE;

  private static WorkerProcess worker;
  private static Cli cli;
  private static Runs runs;
  private static RayJobs jobs;

  @BeforeAll
  static void start() {
    TemporalDevServer server = SharedStack.get().server();
    Path home = ItSettings.newWorkDir("ray-faults-home");
    worker =
        WorkerProcess.start(
            "ray-faults",
            server.address(),
            NAMESPACE,
            home,
            Map.of(
                "TOLLGATE_TRAINING_RAY", "true",
                "TOLLGATE_RAY_ADDRESS", RAY.url(),
                "TOLLGATE_RAY_OUTAGE_GRACE", "5s"));
    cli = new Cli(server.address(), NAMESPACE);
    runs = new Runs(cli, () -> worker.tail() + "\nServer log: " + server.log());
    jobs = new HttpRayJobs(RAY.url());
  }

  @AfterAll
  static void stop() {
    if (worker != null) worker.close();
  }

  /**
   * The second node's raylet SIGKILLed under a Ray task of the job (the job's entrypoint is on the
   * head). What really happens (Ray 2.60): the driver's log says "Task work failed. There are 2
   * retries remaining, so the task will be retried … the node it was running on is dead", the job
   * stays RUNNING while no node has {@code second} (the stage's own timeout is the only bound), and
   * the retry runs on the node started again: the job SUCCEEDS and the stage with it, in its first
   * attempt. Ray failing the job instead would have failed the stage (FAILED is never a success),
   * and the run would not reach approval. So: one job for one attempt, and the model trained after
   * the retried task (two task markers, two pids) — never a success without the task.
   */
  @Test
  @Order(1)
  void aTaskWhoseNodeDiesIsRetriedByRayAndTheRunDeploysFromOneJob() throws Exception {
    String model = "it-ray-node";
    Path marks = ItSettings.newWorkDir("ray-node-marks");
    start(spec(model, "task", marks));
    awaitMarks(marks, "task-", 1, Duration.ofMinutes(3));
    RAY.killSecondRaylet();
    RAY.restartSecondNode();
    awaitMarks(marks, "task-", 2, Duration.ofMinutes(3));
    deploy(model);
    assertThat(marks(marks, "task-"))
        .as("a first task and Ray's retry, in two processes")
        .hasSize(2);
    assertThat(attempts(model)).as("one attempt").containsExactly(1);
    assertThat(jobs.job(id(model, 1)).orElseThrow().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(jobs.job(id(model, 2))).as("no second job").isEmpty();
  }

  /**
   * The head restarted while the job runs on it: the new cluster (same URL, new session) has
   * forgotten the job, the attempt fails retryable, and the next one submits under its own id (the
   * old id is never submitted again) and trains.
   */
  @Test
  @Order(2)
  void aRestartedHeadLosesTheJobAndTheNextAttemptSubmitsItsOwn() throws Exception {
    String model = "it-ray-head";
    Path marks = ItSettings.newWorkDir("ray-head-marks");
    start(spec(model, "hang-first", marks));
    String first = id(model, 1);
    Await.until(
        "job " + first + " running",
        Duration.ofMinutes(3),
        () -> status(first),
        s -> s == Status.RUNNING,
        worker::tail);
    awaitMarks(marks, "hung-", 1, Duration.ofMinutes(2));
    assertThat(RAY.restartHead()).isEqualTo(RAY.url());
    deploy(model);
    assertThat(worker.logText())
        .as("the worker says what happened")
        .containsPattern("restarted \\(session \\S+ → \\S+\\) and lost job " + first);
    assertThat(attempts(model)).as("the second attempt trained").containsExactly(2);
    assertThat(jobs.job(id(model, 2)).orElseThrow().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(jobs.job(first)).as("the old id never submitted again").isEmpty();
  }

  /**
   * The worker SIGKILLed seconds after it submitted the job: the job runs on without it, and the
   * attempt the server retries after the heartbeat timeout (on the worker started again on the same
   * home) adopts it from the first attempt's heartbeat details: one job, under the first attempt's
   * id, whose command ran once.
   */
  @Test
  @Order(3)
  void aKilledWorkersJobIsAdoptedByTheNextAttempt() throws Exception {
    String model = "it-ray-adopt";
    Path marks = ItSettings.newWorkDir("ray-adopt-marks");
    start(spec(model, "sleep", marks));
    String first = id(model, 1);
    Await.until(
        "job " + first + " running",
        Duration.ofMinutes(3),
        () -> status(first),
        s -> s == Status.RUNNING,
        worker::tail);
    worker.kill();
    worker.startAgain();
    deploy(model);
    assertThat(worker.logText())
        .as("the next attempt took the first one's job")
        .containsPattern("(collecting|following) job " + first + " of the previous attempt");
    assertThat(attempts(model)).as("a second attempt ended the stage").containsExactly(2);
    assertThat(jobs.job(first).orElseThrow().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(jobs.job(id(model, 2))).as("no second job").isEmpty();
    assertThat(marks(marks, "slept-")).as("the command ran once").hasSize(1);
  }

  private static Path spec(String model, String itCase, Path marks) throws IOException {
    Path spec =
        CommandSpecs.write(
            ItSettings.newWorkDir("ray-faults-specs"),
            model,
            List.of("python", "ray_driver.py"),
            Map.of("mode", "train"),
            Map.of("IT_MARKS", marks.toString(), "IT_CASE", itCase, "IT_SLEEP", "25"));
    // CommandSpecs writes runner: command's keys; runner: ray takes the same command, env, params
    Files.writeString(
        spec, Files.readString(spec).replace("training:\n", "training:\n  runner: ray\n"));
    PythonMl.copyScript("ray_driver.py", spec.getParent());
    PythonMl.copyScript("trainer.py", spec.getParent());
    return spec;
  }

  private static void start(Path spec) {
    ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
    assertThat(started.exitCode()).as(started.toString()).isZero();
  }

  private static void deploy(String model) {
    String run = model + "/r1";
    runs.awaitStage(run, "AWAITING_APPROVAL", Duration.ofMinutes(5));
    ProcResult approved = cli.approve(run, "alice");
    assertThat(approved.exitCode()).as(approved.toString()).isZero();
    RunStatus done = runs.awaitFinished(run, Duration.ofMinutes(2));
    assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED " + model + " v1");
  }

  /** The submission id of {@code model}'s run's attempt (the run has started). */
  private static String id(String model, int attempt) {
    String workflow = "pipeline/" + model + "/r1";
    String execution = History.runId(SharedStack.get().server(), NAMESPACE, workflow);
    return SubmissionIds.of(model, "r1", execution, attempt);
  }

  private static Status status(String id) {
    try {
      return jobs.job(id).map(RayJobs.Job::status).orElse(null);
    } catch (Exception e) {
      return null; // not submitted yet, or the cluster busy: asked again
    }
  }

  private static List<Integer> attempts(String model) {
    return History.startedAttempts(
        SharedStack.get().server(), NAMESPACE, "pipeline/" + model + "/r1", "Train");
  }

  private static void awaitMarks(Path marks, String prefix, int count, Duration limit) {
    Await.until(
        count + " " + prefix + " marker(s) in " + marks,
        limit,
        () -> marks(marks, prefix),
        found -> found.size() >= count,
        worker::tail);
  }

  private static List<String> marks(Path folder, String prefix) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
