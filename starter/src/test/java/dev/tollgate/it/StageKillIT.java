package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.tools.RequestHold;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The worker SIGKILLed in each stage after training in turn (WorkerCrashIT kills it in training):
 * validating, awaiting approval, deploying, notifying. The kill lands in the middle of the stage:
 * the stage's call to S3 (or to the webhook) is held until the worker is dead. A new worker on the
 * same home takes over, and the run completes once: one version, one promotion, one model in the
 * store, one completed attempt of the stage, one "deployed" notification.
 *
 * <p>About a minute per stage: a lost attempt is retried when its heartbeat timeout (30 s) passes;
 * a notification, a local activity, runs again when the lost workflow task times out (10 s).
 */
@ExtendWith(SharedStack.class)
class StageKillIT {
  private static final String NAMESPACE = SharedStack.KILL_NAMESPACE;
  private static FaultStack faults;
  private static WorkerProcess worker;
  private static Path specs;

  enum Stage {
    VALIDATE("Validate"),
    AWAITING_APPROVAL(null),
    DEPLOY("DeployAndSmokeTest"),
    NOTIFY("Publish", true);

    /** The activity the kill interrupts; none while the run waits for a person. */
    final String activity;

    /**
     * A local activity (notifications, ADR 0007): run inside the workflow task, so the kill loses
     * the task, and the new worker runs the notification again from its first attempt; no attempt
     * number tells of the kill, the webhook's count does.
     */
    final boolean local;

    Stage(String activity) {
      this(activity, false);
    }

    Stage(String activity, boolean local) {
      this.activity = activity;
      this.local = local;
    }

    String model() {
      return "it-kill-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  @BeforeAll
  static void start() {
    faults = FaultStack.start();
    specs = ItSettings.newWorkDir("kill-specs");
    worker =
        WorkerProcess.start(
            "kill",
            SharedStack.get().server().address(),
            NAMESPACE,
            ItSettings.newWorkDir("kill-home"),
            faults.workerEnv());
  }

  @AfterAll
  static void stop() {
    if (worker != null) worker.close();
    if (faults != null) faults.close();
  }

  @ParameterizedTest
  @EnumSource(Stage.class)
  void aWorkerKilledInTheStageIsReplacedAndTheRunCompletesOnce(Stage stage) throws Exception {
    TemporalDevServer server = SharedStack.get().server();
    Cli cli = new Cli(server.address(), NAMESPACE);
    Runs runs = new Runs(cli, () -> worker.tail() + "\nServer log: " + server.log());
    String model = stage.model();
    String run = model + "/r1";
    String modelKeys = "/models/" + model + "/";
    Path spec = ItSpecs.write(specs, ItSpecs.Spec.quick(model).webhook(faults.webhook().url()));
    if (!worker.isAlive()) worker.startAgain();

    // Validation reads the candidate from the store; its first GET of the model is held.
    RequestHold validating =
        stage == Stage.VALIDATE
            ? faults.s3().holdFirst(request("GET ", modelKeys, "/model.ubj"))
            : null;
    ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
    assertThat(started.exitCode()).as(started.toString()).isZero();
    if (validating != null) killDuring(validating);

    runs.awaitStage(run, "AWAITING_APPROVAL", Duration.ofMinutes(3));
    if (stage == Stage.AWAITING_APPROVAL) {
      worker.kill();
      worker.startAgain();
    }
    // Deploy reads the version's metadata first: its first GET after the approval is held.
    // Notify's delivery of "deployed" to the webhook is held at the receiver.
    RequestHold afterApproval =
        switch (stage) {
          case DEPLOY -> faults.s3().holdFirst(request("GET ", modelKeys, "/metadata.json"));
          case NOTIFY -> faults.webhook().holdFirst(model, "deployed");
          default -> null;
        };
    ProcResult approved = cli.approveOnceAWorkerPolls(run, "bob");
    assertThat(approved.exitCode()).as(approved.toString()).isZero();
    if (afterApproval != null) killDuring(afterApproval);

    RunStatus done = runs.awaitFinished(run, Duration.ofMinutes(3));
    assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED " + model + " v1");

    RegistryView registry = new RegistryView(cli);
    List<String> versions = registry.versionStages(model);
    int promotions = registry.promotions(model);
    long models = faults.keys("models/" + model + "/").size();
    long deployedNotices = faults.webhook().distinct(model, "deployed");
    List<Integer> attempts =
        stage.activity == null || stage.local
            ? List.of()
            : History.startedAttempts(server, NAMESPACE, "pipeline/" + run, stage.activity);
    long completedAfterKill = attempts.stream().filter(a -> a > 1).count();
    int duplicates =
        (versions.size() - 1)
            + (promotions - 1)
            + (int) (models - 3)
            + (int) (deployedNotices - 1)
            + (stage == Stage.NOTIFY ? 0 : Math.max(0, attempts.size() - 1));
    FaultReport.row(
        "StageKillIT",
        "worker SIGKILL in " + stage.name().toLowerCase(Locale.ROOT).replace('_', ' '),
        1,
        1,
        duplicates);

    assertThat(versions).containsExactly("PRODUCTION");
    assertThat(promotions).isEqualTo(1);
    assertThat(faults.keys("models/" + model + "/"))
        .as("one model (model, metadata, drift reference): training was not redone")
        .hasSize(3);
    assertThat(deployedNotices).as("one deployed notification").isEqualTo(1);
    assertThat(faults.webhook().count(model, "deployed")).isEqualTo(1);
    if (stage.local) {
      assertThat(History.localActivities(server, NAMESPACE, "pipeline/" + run, stage.activity))
          .as("started, approval requested, decided, finished: each recorded once")
          .isEqualTo(4);
    } else if (stage.activity != null) {
      assertThat(completedAfterKill)
          .as("%s: the killed attempt was retried, once (%s)", stage.activity, attempts)
          .isEqualTo(1);
    }
    if (stage == Stage.VALIDATE || stage == Stage.DEPLOY) {
      assertThat(attempts).as("one completed %s", stage.activity).containsExactly(2);
    }
  }

  /** Waits for the held call, kills the worker while it is in it, then starts a new worker. */
  private static void killDuring(RequestHold hold) throws InterruptedException {
    hold.awaitArrived(Duration.ofMinutes(2));
    worker.kill();
    hold.release(); // to a dead client: the call never returns to anyone
    worker.startAgain();
  }

  private static Predicate<String> request(String method, String under, String file) {
    return line -> line.startsWith(method) && line.contains(under) && line.contains(file);
  }
}
