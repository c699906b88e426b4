package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** What a command left in its folders, for the result and for the "no model" message. */
final class Listing {
  private static final int SHOWN = 10;

  private Listing() {}

  /** Regular files under {@code dir}, relative to it, sorted (links are not followed). */
  static List<String> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  /**
   * The first symbolic link under {@code dir}, relative to it, or null. A model is files: a link
   * could make Tollgate store a file from elsewhere on the worker (its credentials, the registry)
   * as the model.
   */
  static String firstLink(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isSymbolicLink)
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .findFirst()
          .orElse(null);
    }
  }

  /**
   * "wrote no model": the model folder is empty; names what the output folder holds and what is new
   * in the working folder since the start (the usual mistake: a model saved to the current folder).
   */
  static String noModel(RunFolder run, Path workdir, Instant started) throws IOException {
    StringBuilder m =
        new StringBuilder(
            "the command exited 0 but wrote no model: TOLLGATE_MODEL_DIR (SM_MODEL_DIR) is empty");
    m.append("; in TOLLGATE_OUTPUT_DIR: ").append(shown(files(run.output())));
    if (workdir != null && !workdir.equals(run.root())) {
      m.append("; new in the working folder ")
          .append(workdir)
          .append(": ")
          .append(shown(newer(workdir, started)));
    }
    return m.append(". Save the model into the folder TOLLGATE_MODEL_DIR names.").toString();
  }

  private static List<String> newer(Path dir, Instant since) throws IOException {
    FileTime t = FileTime.from(since.minusSeconds(1));
    try (Stream<Path> all = Files.walk(dir, 3)) {
      return all.filter(Files::isRegularFile)
          .filter(p -> modifiedAfter(p, t))
          .filter(p -> !p.toString().contains("__pycache__") && !p.toString().contains("/.git/"))
          .map(p -> dir.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  private static boolean modifiedAfter(Path p, FileTime t) {
    try {
      return Files.getLastModifiedTime(p).compareTo(t) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static String shown(List<String> names) {
    if (names.isEmpty()) return "nothing";
    if (names.size() <= SHOWN) return String.join(", ", names);
    return String.join(", ", names.subList(0, SHOWN)) + " and " + (names.size() - SHOWN) + " more";
  }
}
