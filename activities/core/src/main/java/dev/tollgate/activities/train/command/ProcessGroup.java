package dev.tollgate.activities.train.command;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A training command started as the leader of its own session and process group ({@link
 * LaunchTools}), and the way to end everything it started: SIGTERM to every member, a grace period,
 * then SIGKILL until none is left.
 *
 * <p>Members are found in {@code /proc}: every process in the leader's session or process group,
 * plus the leader's descendants (which catches a child that moved itself to a new session while its
 * parent still lives). A process that both leaves the session and loses its parent escapes, as it
 * would escape {@code kill -- -pgid}; only a cgroup would hold it. Signals go through {@link
 * ProcessHandle#destroy} (SIGTERM) and {@link ProcessHandle#destroyForcibly} (SIGKILL), which check
 * the process's start time, so a reused pid is never signalled.
 */
final class ProcessGroup implements Supervised {
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration KILL_LIMIT = Duration.ofSeconds(10);

  private final Process leader;
  private final long id;
  private final Set<Long> own = ownIds();
  private final Set<Long> sessions = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private ProcessGroup(Process leader) {
    this.leader = leader;
    this.id = leader.pid();
    sessions.add(id);
  }

  static ProcessGroup start(LaunchTools tools, List<String> argv, Path cwd, Map<String, String> env)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(tools.wrap(argv)).directory(cwd.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    return new ProcessGroup(pb.start());
  }

  Process leader() {
    return leader;
  }

  /** The session and process group id (the leader's pid). */
  long id() {
    return id;
  }

  @Override
  public java.io.InputStream stdout() {
    return leader.getInputStream();
  }

  @Override
  public java.io.InputStream stderr() {
    return leader.getErrorStream();
  }

  @Override
  public void tick() {
    members(); // learns the sessions its processes start, before their parents exit
  }

  @Override
  public int afterExit(Duration grace) throws InterruptedException {
    return stop(grace);
  }

  @Override
  public String describe() {
    return SessionFile.describe(id);
  }

  /** Waits up to {@code d} for the leader to exit; true when it has. */
  @Override
  public boolean waitFor(Duration d) throws InterruptedException {
    return leader.waitFor(Math.max(1, d.toMillis()), TimeUnit.MILLISECONDS);
  }

  /**
   * The live members: the leader's session and group, the leader's descendants, and every session a
   * descendant was seen to start ({@code setsid} in the command): once its parent dies such a
   * process is no one's descendant, but it stays in the session it started. Called every tick while
   * the command runs, so sessions are learnt before the processes that made them end. Linux does
   * not reuse a pid while it is still some process's session or group id, so a remembered session's
   * members are the command's.
   */
  Set<Long> members() {
    Set<Long> pids = new HashSet<>();
    if (leader.isAlive()) pids.add(id);
    leader.descendants().forEach(h -> pids.add(h.pid()));
    if (ProcStat.available()) {
      for (long pid : pids) {
        ProcStat.of(pid)
            .map(ProcStat::session)
            .filter(s -> !own.contains(s))
            .ifPresent(sessions::add);
      }
      ProcStat.inSessionsOrGroups(sessions).forEach(p -> pids.add(p.pid()));
    }
    pids.removeAll(own);
    pids.remove(ProcessHandle.current().pid());
    return pids;
  }

  /**
   * Ends every member: SIGTERM, up to {@code grace} for them to exit, then SIGKILL until none is
   * left. Returns how many were running when it began.
   */
  @Override
  public int stop(Duration grace) throws InterruptedException {
    Set<Long> first = members();
    if (first.isEmpty()) return 0;
    first.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy));
    long graceEnd = System.nanoTime() + grace.toNanos();
    while (!members().isEmpty() && System.nanoTime() < graceEnd) {
      Thread.sleep(POLL.toMillis());
    }
    // A member may fork while it dies: kill and look again until nothing is left.
    long killEnd = System.nanoTime() + KILL_LIMIT.toNanos();
    Set<Long> left;
    while (!(left = members()).isEmpty() && System.nanoTime() < killEnd) {
      left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
      Thread.sleep(POLL.toMillis() / 5);
    }
    leader.waitFor(KILL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    return first.size();
  }

  /** The worker's own session and group, which must never be signalled. */
  private static Set<Long> ownIds() {
    Set<Long> ids = new HashSet<>();
    ProcStat.of(ProcessHandle.current().pid())
        .ifPresent(
            p -> {
              ids.add(p.session());
              ids.add(p.pgrp());
            });
    return ids;
  }
}
