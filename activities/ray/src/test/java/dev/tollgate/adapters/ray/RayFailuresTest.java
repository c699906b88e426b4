package dev.tollgate.adapters.ray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tollgate.activities.train.ray.RayException;
import dev.tollgate.activities.train.ray.RayException.Kind;
import dev.tollgate.activities.train.ray.RayJobs;
import dev.tollgate.activities.train.ray.RayJobs.Submission;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every way a call fails: an outage ({@link Kind#UNREACHABLE}) or a refusal ({@link
 * Kind#REJECTED}), the message naming the address and the call and quoting no body raw.
 */
class RayFailuresTest {
  private static final Submission JOB =
      new Submission("tg-1", "echo hi", null, List.of(), Map.of(), null, null, Map.of(), Map.of());

  private FakeRay ray;
  private RayJobs jobs;

  @BeforeEach
  void start() throws Exception {
    ray = new FakeRay();
    jobs = new HttpRayJobs(ray.url());
  }

  @AfterEach
  void stop() {
    ray.close();
  }

  @Test
  void aRefusedConnectionIsAnOutageNamingTheAddress() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    RayJobs gone = new HttpRayJobs("http://127.0.0.1:" + closed);
    RayException e = failure(gone::session);
    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.getMessage())
        .isEqualTo(
            "Ray at http://127.0.0.1:"
                + closed
                + " did not answer GET /api/version:"
                + " connection refused");
  }

  @Test
  void aSlowServerIsAnOutageAfterTheRequestTimeout() {
    ray.on("GET /api/jobs/tg-1", 200, RayAnswers.FAILED, 3_000);
    RayTimeouts quick =
        new RayTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofSeconds(1));
    long start = System.nanoTime();
    RayException e = failure(() -> new HttpRayJobs(ray.url(), quick).job("tg-1"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.getMessage())
        .endsWith("did not answer GET /api/jobs/tg-1: no answer within 300 ms");
  }

  @Test
  void aBadRequestIsRejectedWithRaysReasonOnlyAndNoPath() {
    ray.on("POST /api/jobs/", 400, RayAnswers.BAD_CPUS);
    RayException e = failure(() -> jobs.submit(JOB));
    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    assertThat(e.getMessage())
        .isEqualTo(
            "Ray at "
                + ray.url()
                + " answered POST /api/jobs/ with HTTP 400: TypeError:"
                + " entrypoint_num_cpus must be a number, got <class 'str'>")
        .doesNotContain("/root", "Traceback", "\n");
  }

  @Test
  void aBadRequestPassedOnAs500IsRejected() {
    String otherJobs = RayAnswers.DUPLICATE.replace("tg-1", "tg-other");
    ray.on("POST /api/jobs/", 500, otherJobs); // says "already exists", but not of this id
    RayException e = failure(() -> jobs.submit(JOB));
    assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    assertThat(e.getMessage()).contains("HTTP 500: ValueError: Job with submission_id tg-other");
    assertThat(e.getMessage()).doesNotContain("/root", "job_head.py");
  }

  @Test
  void aServerErrorIsAnOutage() {
    ray.on("POST /api/jobs/", 500, "No available agent to submit job, please try again later.");
    ray.on("GET /api/jobs/tg-1/logs", 500, "ClientConnectorError: Cannot connect to host x:1");
    ray.on("GET /api/version", 503, "<html>\n<h1>Service Unavailable</h1>\n</html>");
    assertThat(failure(() -> jobs.submit(JOB)).kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(failure(() -> jobs.logs("tg-1")).kind()).isEqualTo(Kind.UNREACHABLE);
    RayException e = failure(jobs::session);
    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.getMessage()).endsWith("with HTTP 503: <html>").doesNotContain("\n");
  }

  @Test
  void aFailedUploadIsAnOutage() {
    ray.on("PUT /api/packages/gcs/_ray_pkg_ab.zip", 500, "Traceback\nOSError: disk full");
    RayException e = failure(() -> jobs.uploadPackage("_ray_pkg_ab.zip", new byte[] {1}));
    assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(e.getMessage()).contains("PUT /api/packages/gcs/_ray_pkg_ab.zip with HTTP 500");
  }

  @Test
  void anUnknownJobsLogsOrStopIsRejected() {
    ray.on("GET /api/jobs/nope/logs", 404, "Job nope does not exist");
    ray.on("POST /api/jobs/nope/stop", 404, "Job nope does not exist");
    RayException logs = failure(() -> jobs.logs("nope"));
    assertThat(logs.kind()).isEqualTo(Kind.REJECTED);
    assertThat(logs.getMessage()).endsWith("HTTP 404: Job nope does not exist");
    assertThat(failure(() -> jobs.stop("nope")).kind()).isEqualTo(Kind.REJECTED);
  }

  @Test
  void answersThatAreNotTheJobsApiAreRejectedUnquoted() {
    ray.on("GET /api/jobs/tg-1", 200, "<html>a login page \u001b[31m</html>");
    ray.on("GET /api/jobs/tg-2", 200, "{\"status\": \"EXPLODED\"}");
    ray.on("GET /api/version", 200, "{\"version\": \"4\"}");
    ray.on("GET /api/v0/nodes", 200, "{\"result\": false, \"msg\": \"GCS /x/y timed out\"}");
    assertThat(failure(() -> jobs.job("tg-1")).getMessage())
        .endsWith("answered GET /api/jobs/tg-1 with not JSON");
    assertThat(failure(() -> jobs.job("tg-2")).getMessage()).endsWith("no known job status");
    assertThat(failure(jobs::session).getMessage()).contains("no session_name");
    RayException nodes = failure(jobs::nodes);
    assertThat(nodes.kind()).isEqualTo(Kind.UNREACHABLE);
    assertThat(nodes.getMessage()).endsWith("could not list its nodes: GCS … timed out");
  }

  @Test
  void idsThatCouldLeaveTheJobsPathAreRefusedBeforeAnyRequest() {
    for (String id : List.of("..", ".", "a/b", "../version", "a b", "", "x".repeat(201), "é")) {
      assertThatThrownBy(() -> jobs.job(id)).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> jobs.uploadPackage("../x.zip", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                jobs.submit(
                    new Submission(
                        "a/b", "x", null, List.of(), Map.of(), null, null, Map.of(), Map.of())))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ray.requests).isEmpty();
  }

  @Test
  void addressesMustBeAPlainHttpUrl() {
    for (String bad :
        List.of("127.0.0.1:8265", "ftp://h/", "http://user:secret@h:8265", "http://h?x=1", "")) {
      assertThatThrownBy(() -> new HttpRayJobs(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .message()
          .doesNotContain("secret");
    }
    assertThat(new HttpRayJobs("https://ray.example:443/dash//").address())
        .isEqualTo("https://ray.example:443/dash");
  }

  private static RayException failure(Executable call) {
    return catchThrowableOfType(RayException.class, call::execute);
  }
}
