package dev.tollgate.benchmarks;

import dev.tollgate.activities.train.ray.RayJobs;
import dev.tollgate.activities.train.ray.RayJobs.Job;
import dev.tollgate.activities.train.ray.RayJobs.Status;
import dev.tollgate.activities.train.ray.RayJobs.Submission;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The four ways of running one trivial job ({@code echo hi}) that the Ray submission benchmark
 * compares, each timed from the moment it starts to submit: Tollgate's HTTP adapter polling at a
 * given tick, and Ray's own CLI ({@code ray job submit}) waiting for the end or not ({@code
 * --no-wait}). The CLI says nothing about RUNNING, so a watcher polls the job at 100 ms beside it.
 */
final class SubmitSides {
  /**
   * @param submitted when the submit call (or the CLI) returned
   * @param running the first poll that saw the job RUNNING or already ended; -1: never seen
   * @param succeeded SUCCEEDED seen (by a poll, or the CLI's exit when it waits)
   */
  record Times(double submitted, double running, double succeeded) {}

  static final String ENTRYPOINT = "echo hi";

  private final RayJobs jobs;
  private final String url;
  private final String rayCli;

  SubmitSides(RayJobs jobs, String url, String rayCli) {
    this.jobs = jobs;
    this.url = url;
    this.rayCli = rayCli;
  }

  /** HttpRayJobs: submit, then a status poll every {@code tickMillis}, as the runner follows. */
  Times http(String id, long tickMillis) throws Exception {
    long t0 = System.nanoTime();
    if (!jobs.submit(
        new Submission(
            id, ENTRYPOINT, null, List.of(), Map.of(), null, null, Map.of(), Map.of()))) {
      throw new IllegalStateException("submission id taken: " + id);
    }
    double submitted = since(t0);
    double[] seen = follow(id, t0, tickMillis);
    return new Times(submitted, seen[0], seen[1]);
  }

  /** {@code ray job submit [--no-wait]}; with --no-wait the job is followed at 100 ms after. */
  Times cli(String id, boolean noWait) throws Exception {
    List<String> argv =
        new ArrayList<>(List.of(rayCli, "job", "submit", "--address", url, "--submission-id", id));
    if (noWait) argv.add("--no-wait");
    argv.addAll(List.of("--", "sh", "-c", ENTRYPOINT));
    ProcessBuilder pb =
        new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(new File("/dev/null"));
    pb.environment().put("RAY_USAGE_STATS_ENABLED", "0");
    long t0 = System.nanoTime();
    Process process = pb.start();
    // The watcher: RUNNING (and, for --no-wait, SUCCEEDED) as a 100 ms poller sees them.
    CompletableFuture<double[]> watcher =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return follow(id, t0, 100);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    int exit = process.waitFor();
    double returned = since(t0);
    if (exit != 0) throw new IllegalStateException("ray job submit exited " + exit + " for " + id);
    double[] seen = watcher.get();
    return new Times(returned, seen[0], noWait ? seen[1] : returned);
  }

  /** Polls until SUCCEEDED: {seconds to RUNNING-or-later, seconds to SUCCEEDED} since t0. */
  private double[] follow(String id, long t0, long tickMillis) throws Exception {
    double running = -1;
    while (true) {
      Optional<Job> job = jobs.job(id); // empty until the CLI has submitted it
      if (job.isPresent()) {
        Status status = job.get().status();
        if (running < 0 && status != Status.PENDING) running = since(t0);
        if (status == Status.SUCCEEDED) return new double[] {running, since(t0)};
        if (status.terminal()) throw new IllegalStateException(id + " ended " + status);
      }
      Thread.sleep(tickMillis);
    }
  }

  private static double since(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
