package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A process as Linux's {@code /proc/<pid>/stat} describes it: its state, parent, process group,
 * session and start time (in clock ticks after boot, which tells a reused pid from the original).
 * Java's {@link ProcessHandle} knows parents but not groups or sessions, and a group's members that
 * were re-parented to init (a daemonised child) are no one's descendants any more.
 */
record ProcStat(long pid, char state, long ppid, long pgrp, long session, long startTicks) {

  private static final Path PROC = Path.of("/proc");

  static boolean available() {
    return Files.isReadable(PROC.resolve("self/stat"));
  }

  static Optional<ProcStat> of(long pid) {
    try {
      return Optional.of(parse(pid, Files.readString(PROC.resolve(pid + "/stat"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // gone, or not ours to read
    }
  }

  /** Every live process (not zombies) whose session or process group is {@code id}. */
  static List<ProcStat> inSessionOrGroup(long id) {
    return inSessionsOrGroups(java.util.Set.of(id));
  }

  /** Every live process (not zombies) whose session or process group is one of {@code ids}. */
  static List<ProcStat> inSessionsOrGroups(java.util.Set<Long> ids) {
    List<ProcStat> found = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
      for (Path dir : dirs) {
        of(Long.parseLong(dir.getFileName().toString()))
            .filter(
                p ->
                    (ids.contains(p.session) || ids.contains(p.pgrp))
                        && p.state != 'Z'
                        && p.state != 'X')
            .ifPresent(found::add);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot list /proc", e);
    }
    return found;
  }

  /** The fields after the command name, which is in parentheses and may hold spaces or ")". */
  static ProcStat parse(long pid, String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // f[0] is field 3 (state); field n is f[n - 3].
    return new ProcStat(
        pid,
        f[0].charAt(0),
        Long.parseLong(f[1]),
        Long.parseLong(f[2]),
        Long.parseLong(f[3]),
        Long.parseLong(f[19]));
  }
}
