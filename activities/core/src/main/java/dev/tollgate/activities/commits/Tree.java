package dev.tollgate.activities.commits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes what a laying-out left behind; best effort (a leftover is only disk space). */
final class Tree {
  private Tree() {}

  static void delete(Path path) {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException | java.io.UncheckedIOException e) {
      // left for the operator; the next laying-out uses a fresh name
    }
  }
}
