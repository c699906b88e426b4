package dev.tollgate.activities.train.ray;

import dev.tollgate.activities.train.command.Supervised;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Ray job as {@code Supervision} watches it: its status polled every {@code poll} while {@link
 * #waitFor} waits, the new part of its log (Ray hands the whole log each time) streamed as stdout
 * with the colours stripped, and stopping it posted to Ray. An unreachable cluster is tolerated for
 * the outage grace, a failing {@code /logs} always (the status decides). How the job ended is
 * {@link #ending} once {@link #waitFor} said it had.
 */
final class RayJobRun implements Supervised {
  private static final Logger log = LoggerFactory.getLogger(RayJobRun.class);
  private static final int TAIL = 20;

  /** How the follow ended. */
  sealed interface Ending {}

  /** Ray reported the job terminal. */
  record Terminal(RayJobs.Job job) implements Ending {}

  /**
   * The cluster stopped knowing the job, or stopped answering ({@code outage}: the job may still
   * run): worth another attempt.
   */
  record Lost(String message, boolean outage) implements Ending {}

  private final RayJobs jobs;
  private final String id;
  private final String session;
  private final Duration poll;
  private final Duration outageGrace;
  private final LogFeed feed = new LogFeed();
  private final ArrayDeque<String> tail = new ArrayDeque<>();
  private int seen;
  private long nextLogsAt; // System.nanoTime() of the next /logs while the job runs
  private long outageSince = -1;
  private RayJobs.Status last = RayJobs.Status.PENDING;
  private volatile Ending ending;

  /**
   * @param session the cluster's session when the job was submitted (or adopted)
   */
  RayJobRun(RayJobs jobs, String id, String session, Duration poll, Duration outageGrace) {
    this.jobs = jobs;
    this.id = id;
    this.session = session;
    this.poll = poll;
    this.outageGrace = outageGrace;
  }

  Ending ending() {
    return ending;
  }

  /** The last lines of the job's log, stripped: for a failure message. */
  synchronized List<String> tail() {
    return List.copyOf(tail);
  }

  @Override
  public InputStream stdout() {
    return feed;
  }

  @Override
  public InputStream stderr() {
    return InputStream.nullInputStream(); // Ray's log mixes both streams into stdout
  }

  @Override
  public boolean waitFor(Duration d) throws InterruptedException {
    long end = System.nanoTime() + d.toNanos();
    while (true) {
      if (ending == null) pollOnce();
      if (ending != null) return true;
      long left = end - System.nanoTime();
      if (left <= 0) return false;
      Thread.sleep(Math.max(1, Math.min(poll.toMillis(), left / 1_000_000)));
    }
  }

  private void pollOnce() {
    try {
      var job = jobs.job(id);
      outageSince = -1;
      if (job.isEmpty()) {
        logs(true);
        end(new Lost(RayAdoption.lostMessage(jobs, id, session), false));
        return;
      }
      last = job.get().status();
      // Ray's /logs answers the whole log every time (no offset): a chatty job's log is fetched
      // less often as it grows, and always once more when the job has ended
      if (last.terminal() || System.nanoTime() - nextLogsAt >= 0) logs(last.terminal());
      if (last.terminal()) end(new Terminal(job.get()));
    } catch (RayException e) {
      long now = System.nanoTime();
      if (outageSince < 0) {
        outageSince = now;
        log.warn(
            "Ray cluster {} not answering about job {}: {}", jobs.address(), id, e.getMessage());
      }
      if (now - outageSince > outageGrace.toNanos()) {
        end(new Lost(RayErrors.outage(jobs.address(), outageGrace, e), true));
      }
    }
  }

  /** Streams the log's new part: whole lines only, unless {@code all} (the job has ended). */
  private void logs(boolean all) {
    String text;
    try {
      text = jobs.logs(id);
    } catch (RayException e) {
      return; // a failing /logs (the node of the entrypoint died) is tolerated: status decides
    }
    nextLogsAt = System.nanoTime() + logsInterval(text == null ? 0 : text.length(), poll).toNanos();
    if (text == null || text.length() <= seen) return;
    int upTo = all ? text.length() : text.lastIndexOf('\n', text.length() - 1) + 1;
    if (upTo <= seen) return;
    String part = AnsiText.strip(text.substring(seen, upTo));
    seen = upTo;
    if (all && !part.endsWith("\n")) part += "\n";
    feed.offer(part);
    synchronized (this) {
      for (String line : AnsiText.lastLines(part, TAIL)) {
        tail.addLast(line);
        if (tail.size() > TAIL) tail.removeFirst();
      }
    }
  }

  /**
   * How long until the next {@code /logs} of a log of {@code chars}: one poll per MiB already there
   * (the whole log comes back each time), at most {@value #MAX_LOGS_INTERVAL_SECONDS} s.
   */
  static Duration logsInterval(int chars, Duration poll) {
    Duration interval = poll.multipliedBy(1 + chars / LOG_STEP_CHARS);
    Duration max = Duration.ofSeconds(MAX_LOGS_INTERVAL_SECONDS);
    return interval.compareTo(max) > 0 ? max : interval;
  }

  private static final int LOG_STEP_CHARS = 1 << 20;
  static final int MAX_LOGS_INTERVAL_SECONDS = 30;

  private void end(Ending e) {
    ending = e;
    feed.close();
  }

  @Override
  public void tick() {}

  /**
   * Asks Ray to stop the job, and waits for STOPPED up to {@code grace} only while it RUNS: a
   * PENDING job stays PENDING in Ray until resources free (the stop is recorded and it never runs).
   */
  @Override
  public int stop(Duration grace) throws InterruptedException {
    try {
      jobs.stop(id);
    } catch (RayException e) {
      log.warn("Ray job {} not stopped at {}: {}", id, jobs.address(), e.getMessage());
    }
    if (last == RayJobs.Status.RUNNING && ending == null) {
      long end = System.nanoTime() + grace.toNanos();
      while (ending == null && System.nanoTime() < end) {
        pollOnce();
        if (ending == null) Thread.sleep(Math.max(1, poll.toMillis()));
      }
    }
    if (ending == null) {
      logs(true);
      feed.close();
    }
    return 1;
  }

  @Override
  public int afterExit(Duration grace) {
    feed.close();
    return 0;
  }

  @Override
  public String describe() {
    return "ray=" + jobs.address() + "\nsubmission=" + id + "\n";
  }
}
