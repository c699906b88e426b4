package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pipeline's gates end to end on a real Temporal server, with the worker and every CLI command
 * as separate processes: approved and deployed, rejected, approval timed out, a run id used twice.
 * Each test uses its own model, so registries and serving pointers do not mix.
 */
@ExtendWith(SharedStack.class)
class PipelineIT {
  private static final Duration TO_GATE = Duration.ofMinutes(3);
  private static final Duration TO_END = Duration.ofMinutes(2);

  private SharedStack stack;
  private Cli cli;
  private Runs runs;

  @BeforeEach
  void connect() {
    stack = SharedStack.get();
    cli = stack.cli();
    runs = new Runs(cli, () -> stack.worker().tail() + "\nServer log: " + stack.server().log());
  }

  @Test
  void approvedFromTheCliIsDeployedAndPromoted() {
    Path spec = stack.spec(ItSpecs.Spec.quick("it-deploy"));

    ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
    assertThat(started.exitCode()).as(started.toString()).isZero();
    assertThat(started.out()).contains("Started pipeline/it-deploy/r1");

    RunStatus waiting = runs.awaitStage("it-deploy/r1", "AWAITING_APPROVAL", TO_GATE);
    assertThat(waiting.lines().get("waiting")).as(waiting.toString()).contains("alice or bob");
    assertThat(waiting.lines().get("model")).isEqualTo("it-deploy v1");

    ProcResult stranger = cli.approve("it-deploy/r1", "mallory");
    assertThat(stranger.exitCode()).as(stranger.toString()).isEqualTo(1);
    assertThat(stranger.output()).contains("mallory");

    ProcResult approved = cli.approve("it-deploy/r1", "alice");
    assertThat(approved.exitCode()).as(approved.toString()).isZero();

    RunStatus done = runs.awaitFinished("it-deploy/r1", TO_END);
    assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED it-deploy v1");
    assertThat(done.result().out()).contains("alice approved");

    WorkerHome home = stack.home();
    assertThat(stack.registry().versionStages("it-deploy")).containsExactly("PRODUCTION");
    assertThat(stack.registry().promotions("it-deploy")).isEqualTo(1);
    assertThat(home.serving("it-deploy").path("version").asInt()).isEqualTo(1);
  }

  @Test
  void rejectedFromTheCliDeploysNothing() {
    Path spec = stack.spec(ItSpecs.Spec.quick("it-reject"));
    assertThat(cli.run("run", "--spec", spec.toString(), "--run-id", "r1").exitCode()).isZero();
    runs.awaitStage("it-reject/r1", "AWAITING_APPROVAL", TO_GATE);

    ProcResult rejected = cli.reject("it-reject/r1", "bob", "holdout looks too optimistic");
    assertThat(rejected.exitCode()).as(rejected.toString()).isZero();

    RunStatus done = runs.awaitFinished("it-reject/r1", TO_END);
    assertThat(done.outcome()).as(done.toString()).startsWith("REJECTED_BY_APPROVER");
    WorkerHome home = stack.home();
    assertThat(home.servingPointer("it-reject")).doesNotExist();
    // The rejected candidate is archived with who rejected it, never promoted.
    assertThat(stack.registry().versionStages("it-reject")).containsExactly("ARCHIVED");
    assertThat(
            stack
                .registry()
                .record("it-reject")
                .path("versions")
                .get(0)
                .path("stageReason")
                .asText())
        .isEqualTo("rejected_by_approver: bob");
    assertThat(stack.registry().promotions("it-reject")).isZero();
  }

  @Test
  void noDecisionWithinTheSpecsTimeoutTimesOut() {
    Path spec = stack.spec(ItSpecs.Spec.quick("it-timeout").approvalTimeout("15s"));
    assertThat(cli.run("run", "--spec", spec.toString(), "--run-id", "r1").exitCode()).isZero();
    runs.awaitStage("it-timeout/r1", "AWAITING_APPROVAL", TO_GATE);

    RunStatus done = runs.awaitFinished("it-timeout/r1", TO_END);
    assertThat(done.outcome()).as(done.toString()).startsWith("APPROVAL_TIMED_OUT");
    assertThat(stack.home().servingPointer("it-timeout")).doesNotExist();
    assertThat(stack.registry().promotions("it-timeout")).isZero();
  }

  @Test
  void aRunIdIsUsedOnceAndForAll() {
    Path spec = stack.spec(ItSpecs.Spec.quick("it-dup"));
    ProcResult first = cli.run("run", "--spec", spec.toString(), "--run-id", "once");
    assertThat(first.exitCode()).as(first.toString()).isZero();

    ProcResult whileRunning = cli.run("run", "--spec", spec.toString(), "--run-id", "once");
    assertThat(whileRunning.exitCode()).as(whileRunning.toString()).isEqualTo(1);
    assertThat(whileRunning.err())
        .contains("already has a run with id 'once'")
        .contains("pipeline/it-dup/once");

    runs.awaitStage("it-dup/once", "AWAITING_APPROVAL", TO_GATE);
    assertThat(cli.reject("it-dup/once", "alice", "only a test").exitCode()).isZero();
    runs.awaitFinished("it-dup/once", TO_END);

    ProcResult afterItEnded = cli.run("run", "--spec", spec.toString(), "--run-id", "once");
    assertThat(afterItEnded.exitCode()).as(afterItEnded.toString()).isEqualTo(1);
    assertThat(afterItEnded.err()).contains("already has a run with id 'once'");

    assertThat(Visibility.count(stack.server(), "WorkflowId = 'pipeline/it-dup/once'"))
        .isEqualTo(1);
  }
}
