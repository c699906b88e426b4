package dev.tollgate.activities.train.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.activities.train.command.CommandOutcome;
import dev.tollgate.spec.RaySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a Ray job's end becomes the stage's outcome: the command's exit read as on a worker, Ray's
 * own error types mapped to retried or final failures, Ray's text quoted stripped and capped.
 */
class RayRunnerFailuresTest {
  @TempDir Path dir;

  private CommandOutcome.Failed failed(RayFixture f) throws Exception {
    CommandOutcome outcome = f.run();
    assertThat(outcome).isInstanceOf(CommandOutcome.Failed.class);
    return (CommandOutcome.Failed) outcome;
  }

  private void ends(
      RayFixture f,
      RayJobs.Status status,
      String type,
      String message,
      int exit,
      Map<String, String> files,
      boolean manifest) {
    f.ray.behaviour =
        (job, s) ->
            job.running("working\n")
                .ends(
                    status,
                    type,
                    message,
                    exit,
                    manifest ? f.results(job.id, exit, files) : () -> {});
  }

  @Test
  void exit3WithAFailureFileFailsForGoodWithItsText() throws Exception {
    RayFixture f = new RayFixture(dir);
    ends(
        f,
        RayJobs.Status.FAILED,
        RayErrors.COMMAND_ERROR,
        "failed",
        3,
        Map.of("output/failure", "the label column is empty"),
        true);

    var failed = failed(f);

    assertThat(failed.retryable()).isFalse();
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.message()).isEqualTo("exit 3: the label column is empty");
  }

  @Test
  void exit75IsRetried() throws Exception {
    RayFixture f = new RayFixture(dir);
    ends(f, RayJobs.Status.FAILED, RayErrors.COMMAND_ERROR, "failed", 75, Map.of(), true);

    var failed = failed(f);

    assertThat(failed.retryable()).isTrue();
    assertThat(failed.message()).startsWith("exit 75 (EX_TEMPFAIL, will be retried)");
  }

  @Test
  void exit0WithoutAModelListsWhatItWrote() throws Exception {
    RayFixture f = new RayFixture(dir);
    ends(f, RayJobs.Status.SUCCEEDED, null, "ok", 0, Map.of("output/notes.txt", "x"), true);

    var failed = failed(f);

    assertThat(failed.retryable()).isFalse();
    assertThat(failed.message()).contains("wrote no model", "notes.txt");
  }

  @Test
  void aRuntimeEnvThatDoesNotInstallIsFinalWithPipsErrorLines() throws Exception {
    RayFixture f = new RayFixture(dir);
    String message =
        "runtime_env setup failed: Failed to set up runtime environment.\n"
            + "[Node 192.0.2.2] Traceback (most recent call last):\n  File \"/srv/ray/x.py\"\n"
            + "\u001b[31mERROR: No matching distribution found for nosuchpkg==9.9.9\u001b[0m\n";
    f.ray.behaviour =
        (job, s) ->
            job.pending()
                .ends(RayJobs.Status.FAILED, RayErrors.RUNTIME_ENV, message, null, () -> {});

    var failed = failed(f);

    assertThat(failed.retryable()).isFalse();
    assertThat(failed.message())
        .startsWith("Ray could not set up the job's runtime_env: ")
        .contains("ERROR: No matching distribution found for nosuchpkg==9.9.9")
        .doesNotContain("\u001b", "Traceback", "/srv/ray");
  }

  @Test
  void theEntrypointsNodeDyingIsRetriedAsANewJob() throws Exception {
    RayFixture f = new RayFixture(dir);
    ends(
        f,
        RayJobs.Status.FAILED,
        RayErrors.NODE_DIED,
        "Job supervisor actor died: node died",
        0,
        Map.of(),
        false);

    var failed = failed(f);

    assertThat(failed.retryable()).isTrue();
    assertThat(failed.message()).contains("the Ray node running job tollgate-energy-r1-1 died");
  }

  @Test
  void anotherErrorTypeIsFinalWithTheMessagesLastLinesCapped() throws Exception {
    RayFixture f = new RayFixture(dir);
    String huge = "line\n".repeat(10_000) + "x".repeat(50_000);
    ends(f, RayJobs.Status.FAILED, "JOB_SUPERVISOR_ACTOR_START_FAILURE", huge, 0, Map.of(), false);

    var failed = failed(f);

    assertThat(failed.retryable()).isFalse();
    assertThat(failed.message())
        .startsWith("Ray job tollgate-energy-r1-1 failed (JOB_SUPERVISOR_ACTOR_START_FAILURE): ");
    assertThat(failed.message().length()).isLessThan(1_600);
  }

  @Test
  void aJobStoppedOutsideTollgateFails() throws Exception {
    RayFixture f = new RayFixture(dir);
    ends(f, RayJobs.Status.STOPPED, null, "Job was intentionally stopped.", 0, Map.of(), false);

    var failed = failed(f);

    assertThat(failed.retryable()).isFalse();
    assertThat(failed.message()).contains("was stopped outside Tollgate");
  }

  @Test
  void theLaunchersOwnFailureIsQuotedWhenThereIsNoManifest() throws Exception {
    RayFixture f = new RayFixture(dir);
    f.ray.behaviour =
        (job, s) ->
            job.running(
                    "tollgate-launcher: cannot fetch the inputs from s3://b/p/: NoCredentialsError\n")
                .ends(RayJobs.Status.FAILED, RayErrors.COMMAND_ERROR, "failed", 70, () -> {});

    var failed = failed(f);

    assertThat(failed.message())
        .contains("exit 70", "tollgate-launcher: cannot fetch the inputs from s3://b/p/");
  }

  @Test
  void aResultThatDoesNotMatchItsManifestIsRefused() throws Exception {
    RayFixture f = new RayFixture(dir);
    f.ray.behaviour =
        (job, s) ->
            job.ends(
                RayJobs.Status.SUCCEEDED,
                null,
                "ok",
                0,
                () -> {
                  f.results(job.id, 0, Map.of("model/model.onnx", "good")).run();
                  f.stage.put(
                      RayStage.prefix(job.id) + "result/model/model.onnx", "evil".getBytes());
                });

    assertThat(failed(f).message()).contains("does not match its manifest");
  }

  @Test
  void resultsOverTheCapAreRefused() throws Exception {
    RayFixture f = new RayFixture(dir);
    ends(
        f,
        RayJobs.Status.SUCCEEDED,
        null,
        "ok",
        0,
        Map.of("model/model.onnx", "x".repeat((1 << 20) + 1)),
        true);

    assertThat(failed(f).message()).contains("tollgate.training.ray.max-result-bytes");
  }

  @Test
  void entrypointCpusNoAliveNodeHasFailAtOnceWithoutASubmission() throws Exception {
    RayFixture f = new RayFixture(dir);
    f.spec = new RaySpec(null, 4.0, null, List.of(), null, Map.of());
    f.ray.nodes =
        List.of(
            new RayJobs.Node("a", true, Map.of("CPU", 2.0)),
            new RayJobs.Node("b", false, Map.of("CPU", 8.0)));

    var failed = failed(f);

    assertThat(failed.retryable()).isFalse();
    assertThat(failed.message())
        .contains(
            "training.entrypoint_num_cpus: 4 is more than any alive node", "largest has 2 CPU");
    assertThat(f.ray.submissions).isEmpty();
  }

  @Test
  void anUnreachableClusterFailsForARetryNamingTheAddress() throws Exception {
    RayFixture f = new RayFixture(dir);
    f.ray.down = true;

    var failed = failed(f);

    assertThat(failed.retryable()).isTrue();
    assertThat(failed.message())
        .contains("the Ray cluster at http://127.0.0.1:8265 is not reachable (an outage");
  }

  @Test
  void aWorkdirLinkLeadingOutsideIsNotShipped() throws Exception {
    RayFixture f = new RayFixture(dir);
    Files.writeString(dir.resolve("secret.txt"), "key");
    Files.createSymbolicLink(f.workdir.resolve("creds.txt"), dir.resolve("secret.txt"));
    f.succeeding();

    var failed = failed(f);

    assertThat(failed.message()).contains("creds.txt is a symbolic link that leads outside");
    assertThat(f.ray.submissions).isEmpty();
    assertThat(Files.exists(f.staged(f.ownId(), RayStage.TRAIN))).as("inputs deleted").isFalse();
  }

  @Test
  void theWorkersRulesRefuseBeforeAnythingIsMade() throws Exception {
    RayFixture f = new RayFixture(dir);
    f.spec = new RaySpec("http://elsewhere:8265", null, null, List.of(), null, Map.of());
    assertThatThrownBy(f::run)
        .isInstanceOf(RayPolicy.Refused.class)
        .hasMessageContaining("training.address: http://elsewhere:8265 is not a Ray cluster");
    f.spec = new RaySpec(null, null, null, List.of("xgboost==3.1.2"), null, Map.of());
    assertThatThrownBy(f::run)
        .isInstanceOf(RayPolicy.Refused.class)
        .hasMessageContaining("tollgate.training.ray.pip-allowed");
    assertThat(f.ray.calls).isEmpty();
  }
}
