package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.train.ray.RayJobs;
import dev.tollgate.activities.train.ray.RayJobs.Job;
import dev.tollgate.activities.train.ray.RayJobs.Node;
import dev.tollgate.activities.train.ray.RayJobs.Status;
import dev.tollgate.activities.train.ray.RayJobs.Submission;
import dev.tollgate.adapters.ray.HttpRayJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * What the HTTP adapter sees when a node of the real cluster dies or the head restarts (the facts
 * the Ray runner's fault handling rests on, docs/wip/i26-ray-facts.md), and that {@link
 * RayCluster}'s helpers leave the cluster whole for the tests after.
 */
class RayClusterFaultsIT {
  @org.junit.jupiter.api.extension.RegisterExtension static final RayCluster RAY = new RayCluster();

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void aKilledSecondNodeFailsItsJobAndShowsDeadInTheStateApi() throws Exception {
    RayJobs jobs = new HttpRayJobs(RAY.url());
    String id = "tg-it-" + RUN + "-pinned";
    assertThat(jobs.submit(pinned(id, "second", "echo up; sleep 300"))).isTrue();
    await(jobs, id, job -> job.status() == Status.RUNNING, Duration.ofMinutes(2));
    RAY.killSecondRaylet();
    try {
      Job died = await(jobs, id, job -> job.status().terminal(), Duration.ofMinutes(2));
      assertThat(died.status()).isEqualTo(Status.FAILED); // never a success
      assertThat(died.errorType()).isEqualTo("JOB_SUPERVISOR_ACTOR_DIED");
      assertThat(jobs.nodes())
          .anySatisfy(
              n -> {
                assertThat(n.alive()).isFalse();
                assertThat(n.resources()).containsKey("second");
              });
    } finally {
      RAY.restartSecondNode();
    }
    assertThat(jobs.nodes().stream().filter(Node::alive).count()).isEqualTo(2);
  }

  @Test
  void aRestartedHeadHasANewSessionAndHasForgottenItsJobs() throws Exception {
    RayJobs jobs = new HttpRayJobs(RAY.url());
    String before = jobs.session();
    String id = "tg-it-" + RUN + "-onhead";
    assertThat(jobs.submit(pinned(id, "head", "echo up; sleep 300"))).isTrue();
    await(jobs, id, job -> job.status() == Status.RUNNING, Duration.ofMinutes(2));
    assertThat(RAY.restartHead()).isEqualTo(RAY.url());
    assertThat(jobs.session()).isNotEqualTo(before);
    assertThat(jobs.job(id)).isEmpty();
    assertThat(jobs.nodes().stream().filter(Node::alive).count()).isEqualTo(2);
  }

  private static Submission pinned(String id, String node, String entrypoint) {
    return new Submission(
        id, entrypoint, null, List.of(), Map.of(), null, null, Map.of(node, 1.0), Map.of());
  }

  private static Job await(RayJobs jobs, String id, Predicate<Job> until, Duration limit)
      throws Exception {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      Job job = jobs.job(id).orElseThrow(() -> new AssertionError("Ray forgot job " + id));
      if (until.test(job)) return job;
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("job " + id + " still " + job.status() + " after " + limit);
      }
      Thread.sleep(250);
    }
  }
}
