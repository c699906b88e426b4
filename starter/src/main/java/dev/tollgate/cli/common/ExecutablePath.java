package dev.tollgate.cli.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds a program the way a shell would: the first executable file of that name on a PATH. */
public final class ExecutablePath {
  private ExecutablePath() {}

  /** The first executable {@code program} in {@code path}'s folders, or null. */
  public static Path find(String program, String path) {
    if (path == null) return null;
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) continue;
      Path candidate = Path.of(dir).resolve(program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
    }
    return null;
  }
}
