package dev.tollgate.activities.train.ray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.train.command.CommandOutcome;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Ray job's happy path through the runner: staged inputs, the package, the submission, the log
 * streamed without colours, progress, the results fetched and read as a command's, the staging
 * cleaned and the lineage named.
 */
class RayRunnerTest {
  @TempDir Path dir;

  @Test
  void aSucceedingJobGivesTheModelItsMetricsAndItsLog() throws Exception {
    RayFixture f = new RayFixture(dir);
    f.succeeding();
    List<String> stagedAtSubmit = new ArrayList<>();
    var behaviour = f.ray.behaviour;
    f.ray.behaviour =
        (job, s) -> {
          try {
            stagedAtSubmit.add(Files.readString(f.staged(job.id, RayStage.LAUNCH)));
            stagedAtSubmit.add(Files.readString(f.staged(job.id, RayStage.TRAIN)));
          } catch (java.io.IOException e) {
            throw new AssertionError(e);
          }
          behaviour.accept(job, s);
        };

    CommandOutcome outcome = f.run();

    assertThat(outcome).isInstanceOf(CommandOutcome.Succeeded.class);
    var ok = (CommandOutcome.Succeeded) outcome;
    assertThat(ok.modelFiles()).containsExactly("model.onnx");
    assertThat(ok.reportedMetrics()).containsEntry("auc", 0.9);
    assertThat(stagedAtSubmit.get(0))
        .contains("\"python\"", "\"train.py\"", "\"--max_depth\"", "\"6\"", "\"max_depth\"");
    assertThat(stagedAtSubmit.get(1)).isEqualTo("x,y\n1,2\n");
    assertThat(f.lines).contains("(train pid=7) epoch 1", "tollgate:progress 0.5 half");
    assertThat(f.progress).containsExactly(0.5);
    assertThat(Files.readString(ok.trainLog())).contains("(train pid=7) epoch 1");
    assertThat(f.lineage)
        .containsEntry("ray_address", FakeRayJobs.ADDRESS)
        .containsEntry("ray_submission_id", "tollgate-energy-r1-1");
    assertThat(f.remembered)
        .containsExactly(new RayJobMemory.Ref("tollgate-energy-r1-1", "session_a"));
    assertThat(Files.exists(f.staged(f.ownId(), RayStage.TRAIN))).as("inputs deleted").isFalse();
    assertThat(Files.exists(f.staged(f.ownId(), RayStage.MANIFEST))).isFalse();
    assertThat(Files.exists(f.staged(f.ownId(), "result/model/model.onnx"))).isFalse();
  }

  @Test
  void theSubmissionCarriesTheLauncherTheStageAndTheEnvButNoSecrets() throws Exception {
    RayFixture f = new RayFixture(dir);
    f.succeeding();

    f.run();

    RayJobs.Submission s = f.ray.submissions.get(0);
    assertThat(s.submissionId()).isEqualTo("tollgate-energy-r1-1");
    assertThat(s.entrypoint()).isEqualTo("python tollgate_ray_launcher.py");
    assertThat(s.workingDir()).matches("gcs://_ray_pkg_[0-9a-f]{32}\\.zip");
    assertThat(s.envVars())
        .containsEntry("SPEC_VAR", "a")
        .containsEntry("RAY_VAR", "1")
        .containsEntry("TOLLGATE_RAY_STAGE", f.stage.root() + "ray-runs/tollgate-energy-r1-1/")
        .doesNotContainKeys("AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID");
    assertThat(s.metadata())
        .containsEntry("tollgate_run", "r1")
        .containsEntry("tollgate_attempt", "1");
    assertThat(s.pip()).isEmpty();
    byte[] zip = f.ray.packages.get(s.workingDir().substring("gcs://".length()));
    List<String> names = new ArrayList<>();
    try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) names.add(e.getName());
    }
    assertThat(names).containsExactly("train.py", RayPackage.LAUNCHER);
  }

  @Test
  void aFailingLogsCallIsToleratedAndTheStatusDecides() throws Exception {
    RayFixture f = new RayFixture(dir);
    f.succeeding();
    f.ray.logsFail = true;

    assertThat(f.run()).isInstanceOf(CommandOutcome.Succeeded.class);
  }

  @Test
  void anOutageShorterThanTheGraceIsRiddenOut() throws Exception {
    RayFixture f = new RayFixture(dir);
    f.outageGrace = java.time.Duration.ofSeconds(5);
    f.succeeding();
    f.ray.unreachableCalls.set(4);

    assertThat(f.run()).isInstanceOf(CommandOutcome.Succeeded.class);
  }

  @Test
  void aRaceLostOnSubmitFollowsTheJobThatWonIt() throws Exception {
    RayFixture f = new RayFixture(dir);
    f.succeeding();
    f.ray.submitRace = true;

    assertThat(f.run()).isInstanceOf(CommandOutcome.Succeeded.class);
    assertThat(f.ray.submissions).hasSize(1);
  }
}
