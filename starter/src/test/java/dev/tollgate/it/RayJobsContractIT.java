package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.activities.train.ray.RayException;
import dev.tollgate.activities.train.ray.RayJobs;
import dev.tollgate.activities.train.ray.RayJobs.Job;
import dev.tollgate.activities.train.ray.RayJobs.Node;
import dev.tollgate.activities.train.ray.RayJobs.Status;
import dev.tollgate.activities.train.ray.RayJobs.Submission;
import dev.tollgate.adapters.ray.HttpRayJobs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTTP adapter against a real two-node Ray 2.60 cluster ({@link RayCluster}): every call the
 * Ray runner makes, and the answers docs/wip/i26-ray-facts.md measured by hand, held to.
 */
class RayJobsContractIT {
  @RegisterExtension static final RayCluster RAY = new RayCluster();

  private static final Duration FOLLOW = Duration.ofMinutes(2);

  /** Each run's ids and package are new: a cluster (test.sh's) outlives a test class. */
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  private RayJobs jobs;

  @BeforeEach
  void connect() {
    jobs = new HttpRayJobs(RAY.url());
  }

  @Test
  void theSessionIsTheHeadsAndTheAddressTheDashboards() throws Exception {
    assertThat(jobs.address()).isEqualTo(RAY.url());
    assertThat(jobs.session()).startsWith("session_").isEqualTo(jobs.session());
  }

  @Test
  void aPackageIsUploadedOnceAndJobsRunFromIt() throws Exception {
    String name = "_ray_pkg_it" + RUN + ".zip";
    String uri =
        jobs.uploadPackage(
            name, zip("job.sh", "echo \"from the package: $MESSAGE\"\nexit ${EXIT:-0}\n"));
    assertThat(uri).isEqualTo("gcs://" + name);
    // The second call finds it and sends nothing: the job below still runs the first content.
    assertThat(jobs.uploadPackage(name, zip("job.sh", "echo second upload\n"))).isEqualTo(uri);

    String ok = "tg-it-" + RUN + "-ok";
    assertThat(jobs.submit(job(ok, "sh job.sh", uri, Map.of("MESSAGE", "hello")))).isTrue();
    Job succeeded = follow(ok);
    assertThat(succeeded.status()).isEqualTo(Status.SUCCEEDED);
    assertThat(succeeded.driverExitCode()).isZero();
    assertThat(jobs.logs(ok)).contains("from the package: hello").doesNotContain("second upload");

    String bad = "tg-it-" + RUN + "-exit3";
    assertThat(jobs.submit(job(bad, "sh job.sh", uri, Map.of("MESSAGE", "bye", "EXIT", "3"))))
        .isTrue();
    Job failed = follow(bad);
    assertThat(failed.status()).isEqualTo(Status.FAILED);
    assertThat(failed.errorType()).isEqualTo("JOB_ENTRYPOINT_COMMAND_ERROR");
    assertThat(failed.driverExitCode()).isEqualTo(3);
    assertThat(failed.message()).contains("exit code 3");
    assertThat(jobs.logs(bad)).contains("from the package: bye");

    // The same id again: false, and the job Ray has is the first one, untouched.
    assertThat(jobs.submit(job(ok, "echo impostor", null, Map.of()))).isFalse();
    assertThat(jobs.job(ok).orElseThrow().status()).isEqualTo(Status.SUCCEEDED);
    assertThat(jobs.logs(ok)).doesNotContain("impostor");
  }

  @Test
  void aRunningJobStopsOnceAndThenSaysItHadEnded() throws Exception {
    String id = "tg-it-" + RUN + "-stop";
    assertThat(
            jobs.submit(job(id, "echo started; sleep 120; echo after-$((40 + 2))", null, Map.of())))
        .isTrue();
    Instant deadline = Instant.now().plus(FOLLOW);
    while (!jobs.logs(id).contains("started") && Instant.now().isBefore(deadline))
      Thread.sleep(200);
    assertThat(jobs.job(id).orElseThrow().status()).isEqualTo(Status.RUNNING);
    assertThat(jobs.stop(id)).isTrue();
    Job stopped = follow(id);
    assertThat(stopped.status()).isEqualTo(Status.STOPPED);
    assertThat(jobs.stop(id)).isFalse();
    assertThat(jobs.logs(id)).doesNotContain("after-42"); // the entrypoint line has the $((…))
  }

  @Test
  void anUnknownIdIsEmptyAndItsLogsRejected() throws Exception {
    String id = "tg-it-" + RUN + "-nobody";
    assertThat(jobs.job(id)).isEmpty();
    RayException e = catchThrowableOfType(RayException.class, () -> jobs.logs(id));
    assertThat(e.kind()).isEqualTo(RayException.Kind.REJECTED);
    assertThat(e.getMessage()).endsWith("HTTP 404: Job " + id + " does not exist");
  }

  @Test
  void theStateApiShowsBothNodesAliveWithOneCpuEach() throws Exception {
    List<Node> nodes = jobs.nodes();
    assertThat(nodes)
        .hasSize(2)
        .allSatisfy(
            n -> {
              assertThat(n.alive()).isTrue();
              assertThat(n.resources()).containsEntry("CPU", 1.0);
            });
    assertThat(nodes).anySatisfy(n -> assertThat(n.resources()).containsKey("head"));
    assertThat(nodes).anySatisfy(n -> assertThat(n.resources()).containsKey("second"));
  }

  @Test
  void aClosedPortIsUnreachableNamingTheAddress() {
    String nowhere = "http://127.0.0.1:" + FreePorts.next();
    RayException e =
        catchThrowableOfType(RayException.class, () -> new HttpRayJobs(nowhere).session());
    assertThat(e.kind()).isEqualTo(RayException.Kind.UNREACHABLE);
    assertThat(e.getMessage()).startsWith("Ray at " + nowhere + " did not answer GET /api/version");
  }

  private static Submission job(
      String id, String entrypoint, String workingDir, Map<String, String> env) {
    return new Submission(
        id,
        entrypoint,
        workingDir,
        List.of(),
        env,
        null,
        null,
        Map.of(),
        Map.of("test", "RayJobsContractIT"));
  }

  private Job follow(String id) throws Exception {
    Instant deadline = Instant.now().plus(FOLLOW);
    while (true) {
      Job job = jobs.job(id).orElseThrow(() -> new AssertionError("Ray forgot job " + id));
      if (job.status().terminal()) return job;
      if (Instant.now().isAfter(deadline))
        throw new AssertionError("job " + id + " still " + job.status() + " after " + FOLLOW);
      Thread.sleep(200);
    }
  }

  private static byte[] zip(String name, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }
}
