package dev.tollgate.activities.train.command;

/**
 * The {@code session} file of a running command's folder: its session id and the leader's start
 * time, so a worker restarted after a crash (SIGKILL, power loss) can find and end a group left
 * behind without mistaking a reused pid for it. Removed when the run ends.
 */
final class SessionFile {
  private SessionFile() {}

  static String describe(long sessionId) {
    long start = ProcStat.of(sessionId).map(ProcStat::startTicks).orElse(-1L);
    return "session=" + sessionId + "\nstart_ticks=" + start + "\n";
  }
}
