package dev.tollgate.activities.train.ray;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * An in-memory Ray cluster for the runner's tests: each job follows a script of steps, one step per
 * status poll ({@code PENDING → RUNNING → terminal}, the log growing as it goes); a stop of a
 * RUNNING job turns it STOPPED at the next poll, a PENDING one stays PENDING (as Ray does). It can
 * answer 404, change its session (a restarted head), and be unreachable for some calls or all.
 */
final class FakeRayJobs implements RayJobs {
  static final String ADDRESS = "http://127.0.0.1:8265";

  /** One job as the fake keeps it. */
  static final class FakeJob {
    final String id;
    final Submission submission;
    volatile Status status = Status.PENDING;
    volatile String errorType;
    volatile String message = "Job has not started yet.";
    volatile Integer exit;
    final StringBuilder log = new StringBuilder();
    final Deque<Runnable> steps = new ArrayDeque<>();

    FakeJob(String id, Submission submission) {
      this.id = id;
      this.submission = submission;
    }

    FakeJob then(Runnable step) {
      steps.add(step);
      return this;
    }

    FakeJob running(String logs) {
      return then(
          () -> {
            status = Status.RUNNING;
            log.append(logs);
          });
    }

    FakeJob pending() {
      return then(() -> status = Status.PENDING);
    }

    FakeJob ends(Status end, String type, String text, Integer code, Runnable results) {
      return then(
          () -> {
            results.run();
            status = end;
            errorType = type;
            message = text;
            exit = code;
          });
    }

    Job snapshot() {
      return new Job(id, status, message, errorType, exit);
    }
  }

  /** What the cluster does with a submitted job: sets up its steps. */
  BiConsumer<FakeJob, Submission> behaviour = (job, s) -> {};

  final Map<String, FakeJob> jobs = new ConcurrentHashMap<>();
  final Map<String, byte[]> packages = new ConcurrentHashMap<>();
  final List<Submission> submissions = Collections.synchronizedList(new ArrayList<>());
  final List<String> stops = Collections.synchronizedList(new ArrayList<>());
  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger unreachableCalls = new AtomicInteger();
  volatile boolean down;
  volatile boolean logsFail;
  volatile boolean submitRace;
  volatile String session = "session_a";
  volatile List<Node> nodes = List.of(new Node("n1", true, Map.of("CPU", 2.0)));

  @Override
  public String address() {
    return ADDRESS;
  }

  private void answer(String call) throws RayException {
    calls.add(call);
    if (down || unreachableCalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new RayException(
          RayException.Kind.UNREACHABLE, "connection refused: " + ADDRESS + " (" + call + ")");
    }
  }

  @Override
  public String session() throws RayException {
    answer("session");
    return session;
  }

  @Override
  public String uploadPackage(String name, byte[] zip) throws RayException {
    answer("upload");
    packages.putIfAbsent(name, zip);
    return "gcs://" + name;
  }

  @Override
  public boolean submit(Submission submission) throws RayException {
    answer("submit");
    submissions.add(submission);
    if (jobs.containsKey(submission.submissionId())) return false;
    FakeJob job = new FakeJob(submission.submissionId(), submission);
    jobs.put(job.id, job);
    behaviour.accept(job, submission);
    return !submitRace;
  }

  /** A job the cluster has without this runner having submitted it (a previous attempt's). */
  FakeJob existing(String id) {
    FakeJob job = new FakeJob(id, null);
    jobs.put(id, job);
    return job;
  }

  @Override
  public Optional<Job> job(String submissionId) throws RayException {
    answer("job");
    FakeJob job = jobs.get(submissionId);
    if (job == null) return Optional.empty();
    synchronized (job) {
      Runnable next = job.steps.poll();
      if (next != null) next.run();
      return Optional.of(job.snapshot());
    }
  }

  @Override
  public String logs(String submissionId) throws RayException {
    answer("logs");
    if (logsFail) throw new RayException(RayException.Kind.UNREACHABLE, "logs: 500");
    FakeJob job = jobs.get(submissionId);
    if (job == null) throw new RayException(RayException.Kind.REJECTED, "no such job");
    synchronized (job) {
      return job.log.toString();
    }
  }

  @Override
  public boolean stop(String submissionId) throws RayException {
    answer("stop");
    stops.add(submissionId);
    FakeJob job = jobs.get(submissionId);
    if (job == null) throw new RayException(RayException.Kind.REJECTED, "no such job");
    synchronized (job) {
      if (job.status.terminal()) return false;
      job.steps.clear();
      if (job.status == Status.RUNNING) {
        job.then(
            () -> {
              job.status = Status.STOPPED;
              job.message = "Job was intentionally stopped.";
            });
      }
      return true;
    }
  }

  @Override
  public List<Node> nodes() throws RayException {
    answer("nodes");
    return nodes;
  }

  /** The jobs submitted so far, in order. */
  List<String> submittedIds() {
    return submissions.stream().map(Submission::submissionId).toList();
  }
}
