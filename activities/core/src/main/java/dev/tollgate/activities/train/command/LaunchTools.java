package dev.tollgate.activities.train.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two programs every command is launched through, found once on the worker's own PATH (a spec's
 * PATH cannot swap them):
 *
 * <ul>
 *   <li>{@code setsid --wait} (util-linux) makes the command the leader of a new session and
 *       process group, so the whole tree it starts can be signalled as one. Java cannot do this
 *       itself: its {@link ProcessBuilder} has no setsid or setpgid, and {@link
 *       ProcessHandle#descendants} loses children that daemonise. A child of the JVM is never a
 *       group leader, so setsid execs in place without forking: the process Java started is the
 *       session leader and its pid is the session and group id ({@code --wait} only matters if
 *       setsid ever has to fork).
 *   <li>{@code env --default-signal} (GNU coreutils 8.31+) resets every signal to its default
 *       action before the command starts. Ignored signals are inherited across exec, and a worker
 *       started from a CI job or {@code nohup} may ignore SIGTERM, SIGINT or SIGHUP; without the
 *       reset the command would ignore the grace period's SIGTERM through no fault of its own.
 * </ul>
 */
record LaunchTools(Path setsid, Path env) {

  /** Found on the worker's PATH, or an {@link IllegalStateException} saying what to install. */
  static LaunchTools find(String workerPath) {
    Path setsid = onPath("setsid", workerPath);
    Path env = onPath("env", workerPath);
    if (setsid == null || env == null) {
      throw new IllegalStateException(
          "training commands need setsid (util-linux) and env (GNU coreutils 8.31 or newer) on the"
              + " worker's PATH; missing: "
              + (setsid == null ? "setsid " : "")
              + (env == null ? "env" : ""));
    }
    return new LaunchTools(setsid, env);
  }

  static LaunchTools fromWorker() {
    String path = System.getenv("PATH");
    return find(path == null ? "/usr/bin:/bin" : path);
  }

  /** {@code setsid --wait env --default-signal -- <argv>}. */
  List<String> wrap(List<String> argv) {
    List<String> all =
        new ArrayList<>(
            List.of(setsid.toString(), "--wait", env.toString(), "--default-signal", "--"));
    all.addAll(argv);
    return all;
  }

  private static Path onPath(String name, String path) {
    for (String dir : path.split(":")) {
      if (dir.isEmpty() || !dir.startsWith("/")) continue;
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
    }
    return null;
  }
}
