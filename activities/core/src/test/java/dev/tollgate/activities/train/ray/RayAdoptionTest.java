package dev.tollgate.activities.train.ray;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.train.command.CommandOutcome;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A retried attempt and the previous attempt's job: followed while it runs, collected when it
 * succeeded, replaced by a job under the new attempt's id when it failed or the cluster lost it —
 * never a second job for one attempt, never an old id reused.
 */
class RayAdoptionTest {
  @TempDir Path dir;

  private static final String OLD = "tollgate-energy-r1-1";
  private static final String NEW = "tollgate-energy-r1-2";

  private RayFixture secondAttempt() throws Exception {
    RayFixture f = new RayFixture(dir);
    f.attempt = 2;
    f.previous = new RayJobMemory.Ref(OLD, "session_a");
    return f;
  }

  @Test
  void aRunningJobOfThePreviousAttemptIsFollowedNotSubmittedAgain() throws Exception {
    RayFixture f = secondAttempt();
    f.ray
        .existing(OLD)
        .running("resumed\n")
        .ends(
            RayJobs.Status.SUCCEEDED,
            null,
            "ok",
            0,
            f.results(OLD, 0, Map.of("model/model.onnx", "m")));

    CommandOutcome outcome = f.run();

    assertThat(outcome).isInstanceOf(CommandOutcome.Succeeded.class);
    assertThat(f.ray.submissions).isEmpty();
    assertThat(f.remembered).containsExactly(new RayJobMemory.Ref(OLD, "session_a"));
    assertThat(f.lineage).containsEntry("ray_submission_id", OLD);
    assertThat(f.lines).contains("resumed");
  }

  @Test
  void aSucceededJobOfThePreviousAttemptIsCollected() throws Exception {
    RayFixture f = secondAttempt();
    f.ray
        .existing(OLD)
        .ends(
            RayJobs.Status.SUCCEEDED,
            null,
            "ok",
            0,
            f.results(OLD, 0, Map.of("model/model.onnx", "m")))
        .steps
        .poll()
        .run();

    assertThat(f.run()).isInstanceOf(CommandOutcome.Succeeded.class);
    assertThat(f.ray.submissions).isEmpty();
  }

  @Test
  void aFailedJobOfThePreviousAttemptIsReplacedUnderTheNewAttemptsId() throws Exception {
    RayFixture f = secondAttempt();
    f.ray.existing(OLD).status = RayJobs.Status.FAILED;
    f.stage.put(RayStage.prefix(OLD) + RayStage.TRAIN, "x\n".getBytes());
    f.succeeding();

    assertThat(f.run()).isInstanceOf(CommandOutcome.Succeeded.class);
    assertThat(f.ray.submittedIds()).containsExactly(NEW);
    assertThat(f.lines)
        .anyMatch(l -> l.contains("job " + OLD + " of the previous attempt ended FAILED"));
    assertThat(java.nio.file.Files.exists(f.staged(OLD, RayStage.TRAIN)))
        .as("the replaced job's staging removed")
        .isFalse();
  }

  @Test
  void aJobLostByARestartedHeadIsSaidAndReplacedUnderANewId() throws Exception {
    RayFixture f = secondAttempt();
    f.ray.session = "session_b";
    f.succeeding();

    assertThat(f.run()).isInstanceOf(CommandOutcome.Succeeded.class);
    assertThat(f.ray.submittedIds()).containsExactly(NEW);
    assertThat(f.lines)
        .anyMatch(
            l ->
                l.contains(
                    "the Ray head at http://127.0.0.1:8265 restarted (session session_a →"
                        + " session_b) and lost job "
                        + OLD));
    assertThat(f.remembered).containsExactly(new RayJobMemory.Ref(NEW, "session_b"));
  }

  @Test
  void aJobAlreadyUnderThisAttemptsIdIsFollowed() throws Exception {
    RayFixture f = new RayFixture(dir);
    f.ray
        .existing(f.ownId())
        .ends(
            RayJobs.Status.SUCCEEDED,
            null,
            "ok",
            0,
            f.results(f.ownId(), 0, Map.of("model/model.onnx", "m")));

    assertThat(f.run()).isInstanceOf(CommandOutcome.Succeeded.class);
    assertThat(f.ray.submissions).isEmpty();
  }

  @Test
  void withoutHeartbeatDetailsTheEarlierAttemptsJobIsFoundByItsId() throws Exception {
    // a worker SIGKILLed within the heartbeat's throttle after it submitted: no details reached
    // the server, but the job's id is the run's own
    RayFixture f = new RayFixture(dir);
    f.attempt = 2;
    f.ray
        .existing(OLD)
        .running("resumed\n")
        .ends(
            RayJobs.Status.SUCCEEDED,
            null,
            "ok",
            0,
            f.results(OLD, 0, Map.of("model/model.onnx", "m")));

    CommandOutcome outcome = f.run();

    assertThat(outcome).isInstanceOf(CommandOutcome.Succeeded.class);
    assertThat(f.ray.submissions).as("no second job").isEmpty();
    assertThat(f.lineage).containsEntry("ray_submission_id", OLD);
  }
}
