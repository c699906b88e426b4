package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ends what a worker that died without stopping its commands (SIGKILL, OOM, power loss) left
 * running, when the next worker starts on the same home. A run folder that still has its {@code
 * session} file was not finished; its processes are those whose environment holds {@code
 * TOLLGATE_RUN_DIR=<that folder>}, which every process of the command inherits. The environment,
 * not the recorded pid, identifies them: the pid may have been reused by now, the folder's random
 * name cannot be. They get SIGKILL at once: their run is over, nobody is waiting for their output.
 */
public final class StaleRuns {
  private StaleRuns() {}

  /** Kills the leftovers of unfinished runs under {@code runsRoot}; returns their pids. */
  public static List<Long> reap(Path runsRoot) throws IOException {
    List<Long> killed = new ArrayList<>();
    if (!Files.isDirectory(runsRoot) || !ProcStat.available()) return killed;
    List<String> markers = new ArrayList<>();
    List<Path> sessionFiles = new ArrayList<>();
    try (DirectoryStream<Path> runs = Files.newDirectoryStream(runsRoot)) {
      for (Path run : runs) {
        Path session = new RunFolder(run).sessionFile();
        if (Files.exists(session)) {
          markers.add("TOLLGATE_RUN_DIR=" + run.toAbsolutePath());
          sessionFiles.add(session);
        }
      }
    }
    if (markers.isEmpty()) return killed;
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        long pid = Long.parseLong(proc.getFileName().toString());
        if (pid != self && holdsAny(proc.resolve("environ"), markers)) {
          ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
          killed.add(pid);
        }
      }
    }
    for (Path session : sessionFiles) Files.deleteIfExists(session);
    return killed;
  }

  private static boolean holdsAny(Path environ, List<String> markers) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(environ);
    } catch (IOException | SecurityException e) {
      return false; // gone, or another user's
    }
    for (String entry : new String(bytes, StandardCharsets.UTF_8).split("\0")) {
      if (markers.contains(entry)) return true;
    }
    return false;
  }
}
