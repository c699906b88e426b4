package dev.tollgate.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes a worker's training commands left running, found as the worker itself finds them
 * after a crash: by {@code TOLLGATE_RUN_DIR=<home>/training-runs/…} in {@code /proc/<pid>/environ}.
 * Every process a command starts inherits it (the tests' children do not clear their environment),
 * and no other process has it. Zombies do not count: they run nothing, and this machine's pid 1
 * does not reap orphans (a zombie's environ reads empty, and its state is Z).
 */
final class TrainingProcesses {
  private TrainingProcesses() {}

  /** Live processes of commands run by the worker with this home: "pid cmdline" each. */
  static List<String> of(Path workerHome) {
    String marker = "TOLLGATE_RUN_DIR=" + workerHome.resolve("training-runs") + "/";
    List<String> found = new ArrayList<>();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path proc : procs) {
        try {
          if (zombie(proc)) continue;
          String env = Files.readString(proc.resolve("environ"), StandardCharsets.ISO_8859_1);
          for (String entry : env.split("\0")) {
            if (entry.startsWith(marker)) {
              found.add(proc.getFileName() + " " + cmdline(proc));
              break;
            }
          }
        } catch (IOException | RuntimeException gone) {
          // ended while we looked, or not ours to read: not a command of this worker
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc: these tests need Linux", e);
    }
    return found;
  }

  /**
   * SIGKILLs whatever {@link #of} finds: for a test's clean-up after a failure, so a command it
   * left hanging (ten minutes of sleep) does not outlive the test run.
   */
  static void killAll(Path workerHome) {
    for (String p : of(workerHome)) {
      ProcessHandle.of(Long.parseLong(p.substring(0, p.indexOf(' '))))
          .ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private static boolean zombie(Path proc) throws IOException {
    String stat = Files.readString(proc.resolve("stat"), StandardCharsets.ISO_8859_1);
    // "pid (comm) S …": the state follows the last ')' (comm may hold spaces and parentheses)
    return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
  }

  private static String cmdline(Path proc) throws IOException {
    return Files.readString(proc.resolve("cmdline"), StandardCharsets.ISO_8859_1)
        .replace('\0', ' ')
        .strip();
  }
}
