package dev.tollgate.adapters.ray;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.activities.train.ray.RayJobs;
import dev.tollgate.activities.train.ray.RayJobs.Job;
import dev.tollgate.activities.train.ray.RayJobs.Node;
import dev.tollgate.activities.train.ray.RayJobs.Status;
import dev.tollgate.activities.train.ray.RayJobs.Submission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each call against a fake dashboard that answers as Ray 2.60 does: what is sent, what is read. */
class HttpRayJobsTest {
  private FakeRay ray;
  private RayJobs jobs;

  @BeforeEach
  void start() throws Exception {
    ray = new FakeRay();
    jobs = new HttpRayJobs(ray.url() + "/");
  }

  @AfterEach
  void stop() {
    ray.close();
  }

  @Test
  void theSessionIsTheVersionsSessionName() throws Exception {
    ray.on("GET /api/version", 200, RayAnswers.VERSION);
    assertThat(jobs.session()).isEqualTo("session_2026-12-07_10-12-17_692878_1289");
    assertThat(jobs.address()).isEqualTo(ray.url()); // the trailing slash dropped
  }

  @Test
  void aMissingPackageIsUploadedAsOctetStream() throws Exception {
    ray.on("PUT /api/packages/gcs/_ray_pkg_ab12.zip", 200, "");
    byte[] zip = {'P', 'K', 3, 4};
    assertThat(jobs.uploadPackage("_ray_pkg_ab12.zip", zip)).isEqualTo("gcs://_ray_pkg_ab12.zip");
    assertThat(ray.requests).extracting(FakeRay.Request::method).containsExactly("GET", "PUT");
    FakeRay.Request put = ray.requests.get(1);
    assertThat(put.contentType()).isEqualTo("application/octet-stream");
    assertThat(put.body()).isEqualTo(zip);
  }

  @Test
  void aPackageTheClusterHasIsNotUploadedAgain() throws Exception {
    ray.on("GET /api/packages/gcs/_ray_pkg_ab12.zip", 200, "PK..");
    assertThat(jobs.uploadPackage("_ray_pkg_ab12.zip", new byte[] {1}))
        .isEqualTo("gcs://_ray_pkg_ab12.zip");
    assertThat(ray.requests).extracting(FakeRay.Request::method).containsExactly("GET");
  }

  @Test
  void aSubmissionSendsWhatIsSetAndOnlyThat() throws Exception {
    ray.on("POST /api/jobs/", 200, RayAnswers.SUBMITTED);
    Submission full =
        new Submission(
            "tg-1",
            "python tollgate_ray_launcher.py",
            "gcs://_ray_pkg_ab12.zip",
            List.of("xgboost==3.1.2"),
            Map.of("TOLLGATE_RAY_STAGE", "/shared/ray-runs/tg-1/"),
            2.0,
            0.5,
            Map.of("second", 1.0),
            Map.of("model", "churn", "attempt", "1"));
    assertThat(jobs.submit(full)).isTrue();
    JsonNode body = new ObjectMapper().readTree(ray.requests.getFirst().text());
    assertThat(body.path("entrypoint").asText()).isEqualTo("python tollgate_ray_launcher.py");
    assertThat(body.path("submission_id").asText()).isEqualTo("tg-1");
    JsonNode env = body.path("runtime_env");
    assertThat(env.path("working_dir").asText()).isEqualTo("gcs://_ray_pkg_ab12.zip");
    assertThat(env.path("pip").get(0).asText()).isEqualTo("xgboost==3.1.2");
    assertThat(env.path("env_vars").path("TOLLGATE_RAY_STAGE").asText())
        .isEqualTo("/shared/ray-runs/tg-1/");
    assertThat(body.path("entrypoint_num_cpus").asDouble()).isEqualTo(2.0);
    assertThat(body.path("entrypoint_num_gpus").asDouble()).isEqualTo(0.5);
    assertThat(body.path("entrypoint_resources").path("second").asDouble()).isEqualTo(1.0);
    assertThat(body.path("metadata").path("model").asText()).isEqualTo("churn");

    Submission bare =
        new Submission(
            "tg-2", "echo hi", null, List.of(), Map.of(), null, null, Map.of(), Map.of());
    assertThat(jobs.submit(bare)).isTrue();
    JsonNode second = new ObjectMapper().readTree(ray.requests.get(1).text());
    assertThat(second.properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("entrypoint", "submission_id"); // Ray's defaults for the rest
  }

  @Test
  void aDuplicateSubmissionIdIsFalseNotAnError() throws Exception {
    ray.on("POST /api/jobs/", 500, RayAnswers.DUPLICATE);
    Submission again =
        new Submission(
            "tg-1", "echo hi", null, List.of(), Map.of(), null, null, Map.of(), Map.of());
    assertThat(jobs.submit(again)).isFalse();
  }

  @Test
  void aJobIsReadWithItsFailure() throws Exception {
    ray.on("GET /api/jobs/tg-1", 200, RayAnswers.FAILED);
    Job job = jobs.job("tg-1").orElseThrow();
    assertThat(job.status()).isEqualTo(Status.FAILED);
    assertThat(job.errorType()).isEqualTo("JOB_ENTRYPOINT_COMMAND_ERROR");
    assertThat(job.driverExitCode()).isEqualTo(3);
    assertThat(job.message()).startsWith("Job entrypoint command failed with exit code 3");
    assertThat(job.submissionId()).isEqualTo("tg-1");
  }

  @Test
  void aPendingJobHasNoExitCodeNorErrorType() throws Exception {
    ray.on("GET /api/jobs/tg-2", 200, RayAnswers.PENDING);
    Job job = jobs.job("tg-2").orElseThrow();
    assertThat(job.status()).isEqualTo(Status.PENDING);
    assertThat(job.status().terminal()).isFalse();
    assertThat(job.errorType()).isNull();
    assertThat(job.driverExitCode()).isNull();
  }

  @Test
  void anUnknownJobIsEmpty() throws Exception {
    ray.on("GET /api/jobs/nope", 404, "Job nope does not exist");
    assertThat(jobs.job("nope")).isEqualTo(Optional.empty());
  }

  @Test
  void logsAreTheLogsField() throws Exception {
    ray.on("GET /api/jobs/tg-1/logs", 200, RayAnswers.LOGS);
    assertThat(jobs.logs("tg-1")).contains("hi\nRunning entrypoint for job tg-1");
  }

  @Test
  void stopSaysWhetherTheJobWasStillGoing() throws Exception {
    ray.on("POST /api/jobs/tg-1/stop", 200, "{\"stopped\": true}");
    ray.on("POST /api/jobs/tg-2/stop", 200, "{\"stopped\": false}");
    assertThat(jobs.stop("tg-1")).isTrue();
    assertThat(jobs.stop("tg-2")).isFalse();
  }

  @Test
  void nodesComeFromTheStateApiWithTheirState() throws Exception {
    ray.on("GET /api/v0/nodes", 200, RayAnswers.NODES);
    List<Node> nodes = jobs.nodes();
    assertThat(nodes).extracting(Node::nodeId).containsExactly("87fc", "952e");
    assertThat(nodes).extracting(Node::alive).containsExactly(true, false);
    assertThat(nodes.getFirst().resources()).containsEntry("CPU", 1.0).containsEntry("head", 1.0);
  }

  @Test
  void theFactorysClientsTalkToTheirOwnAddress() throws Exception {
    ray.on("GET /api/version", 200, RayAnswers.VERSION);
    RayJobs viaFactory = HttpRayJobs.factory(RayTimeouts.DEFAULTS).connect(ray.url());
    assertThat(viaFactory.address()).isEqualTo(ray.url());
    assertThat(viaFactory.session()).startsWith("session_");
  }
}
