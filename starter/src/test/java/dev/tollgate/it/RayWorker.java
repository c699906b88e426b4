package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.activities.train.ray.RayException;
import dev.tollgate.activities.train.ray.RayJobs.Job;
import dev.tollgate.activities.train.ray.RayJobs.Status;
import dev.tollgate.adapters.ray.HttpRayJobs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A worker with Ray training on (issue 26), pointed at the tests' cluster ({@link RayCluster}), on
 * the shared dev server in a namespace of its own, with the CLI, run checks and the cluster's jobs:
 * what {@link RayTrainingIT} starts. Its staging is the default (the worker's artifact folder: both
 * nodes run on this machine). {@link #close} stops the worker, then every Ray job of its runs still
 * PENDING or RUNNING.
 */
final class RayWorker implements AutoCloseable {
  /**
   * The run id of every run, new for each test run: Ray keeps its jobs until the cluster stops, so
   * each test run's jobs are easy to tell apart on a kept cluster (the submission ids carry the
   * workflow execution too, so they could not be taken for the previous run's anyway).
   */
  static final String RUN = "r" + Long.toHexString(System.nanoTime() & 0xffffffffL);

  final WorkerProcess worker;
  final Cli cli;
  final Runs runs;
  final HttpRayJobs jobs;
  private final String url;

  private RayWorker(WorkerProcess worker, String url) {
    TemporalDevServer server = SharedStack.get().server();
    this.worker = worker;
    this.url = url;
    this.jobs = new HttpRayJobs(url);
    this.cli = new Cli(server.address(), SharedStack.RAY_NAMESPACE);
    this.runs = new Runs(cli, () -> worker.tail() + "\nServer log: " + server.log());
  }

  /**
   * Starts the worker on the cluster at {@code url}, also allowing {@code otherAllowed} (an address
   * a spec may name), with pip allowed and a {@code outageGrace} before an unreachable cluster
   * fails the attempt.
   */
  static RayWorker start(String url, String otherAllowed, String outageGrace) {
    TemporalDevServer server = SharedStack.get().server();
    Path home = ItSettings.newWorkDir("ray-home");
    WorkerProcess worker =
        WorkerProcess.start(
            "ray",
            server.address(),
            SharedStack.RAY_NAMESPACE,
            home,
            Map.of(
                "TOLLGATE_TRAINING_RAY",
                "true",
                "TOLLGATE_RAY_ADDRESS",
                url,
                "TOLLGATE_RAY_ALLOWED_ADDRESSES",
                url + "," + otherAllowed,
                "TOLLGATE_RAY_PIP_ALLOWED",
                "true",
                "TOLLGATE_RAY_OUTAGE_GRACE",
                outageGrace));
    return new RayWorker(worker, url);
  }

  /** Starts run {@link #RUN} of {@code spec}. */
  void run(Path spec) {
    ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", RUN);
    assertThat(started.exitCode()).as(started.toString()).isZero();
  }

  /** The Ray job of {@code model}'s run's first training attempt. */
  static String jobId(String model) {
    return JOB_IDS.computeIfAbsent(
        model,
        m -> {
          String workflow = "pipeline/" + m + "/" + RUN;
          String execution =
              History.runId(SharedStack.get().server(), SharedStack.RAY_NAMESPACE, workflow);
          return dev.tollgate.activities.train.ray.SubmissionIds.of(m, RUN, execution, 1);
        });
  }

  private static final java.util.Map<String, String> JOB_IDS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Waits (3 min at most) for {@code model}'s Ray job to satisfy {@code until}. */
  Job awaitJob(String model, String what, Predicate<Job> until) {
    return Await.until(
        model + "'s Ray job " + what,
        Duration.ofMinutes(3),
        () -> job(model).orElse(null),
        job -> job != null && until.test(job),
        worker::tail);
  }

  Optional<Job> job(String model) {
    try {
      return jobs.job(jobId(model));
    } catch (RayException e) {
      throw new AssertionError("the tests' Ray cluster at " + url + " did not answer", e);
    }
  }

  String logs(String model) throws RayException {
    return jobs.logs(jobId(model));
  }

  /** The started attempts of {@code model}'s run's training stage, from the run's history. */
  List<Integer> trainAttempts(String model) {
    return History.startedAttempts(
        SharedStack.get().server(),
        SharedStack.RAY_NAMESPACE,
        "pipeline/" + model + "/" + RUN,
        "Train");
  }

  /** Ray's jobs of this test run's runs not yet ended. */
  List<String> unfinishedJobs() throws Exception {
    HttpResponse<String> listed =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "/api/jobs/"))
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    List<String> open = new ArrayList<>();
    for (JsonNode job : new ObjectMapper().readTree(listed.body())) {
      String id = job.path("submission_id").asText("");
      Status status = Status.valueOf(job.path("status").asText());
      if (id.startsWith("tollgate-") && id.contains("-" + RUN + "-") && !status.terminal()) {
        open.add(id);
      }
    }
    return open;
  }

  @Override
  public void close() throws Exception {
    try {
      worker.close();
    } finally {
      for (String id : unfinishedJobs()) jobs.stop(id);
    }
  }
}
