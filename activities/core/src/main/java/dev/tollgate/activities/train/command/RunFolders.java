package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removing run folders: one once the activity has kept what it needs ({@code train.log}, the
 * model), and at worker start those older than a limit that nobody removed (a crash, a failed
 * upload). A folder whose command may still run (it has a {@code session} file) is never removed by
 * the sweep; {@link StaleRuns} deals with those first. Links are removed, not followed.
 */
public final class RunFolders {
  private RunFolders() {}

  /** Deletes a run folder and everything in it. */
  public static void delete(Path runFolder) throws IOException {
    if (!Files.exists(runFolder)) return;
    try (Stream<Path> all = Files.walk(runFolder)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  /** Deletes the finished run folders last changed more than {@code olderThan} ago; their count. */
  public static int sweep(Path runsRoot, Duration olderThan) throws IOException {
    if (!Files.isDirectory(runsRoot)) return 0;
    FileTime limit = FileTime.from(Instant.now().minus(olderThan));
    int removed = 0;
    try (DirectoryStream<Path> runs = Files.newDirectoryStream(runsRoot, Files::isDirectory)) {
      for (Path run : runs) {
        if (Files.exists(new RunFolder(run).sessionFile())) continue;
        if (Files.getLastModifiedTime(run).compareTo(limit) < 0) {
          delete(run);
          removed++;
        }
      }
    }
    return removed;
  }
}
