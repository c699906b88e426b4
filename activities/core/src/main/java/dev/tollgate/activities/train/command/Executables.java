package dev.tollgate.activities.train.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks, before anything starts, that the command's program exists: searched on the command's own
 * PATH as exec would, or taken relative to its working folder when it holds a "/". A missing
 * program is the commonest mistake ({@code python} on a host with only {@code python3}) and
 * deserves a better message than exit 127.
 */
final class Executables {
  private Executables() {}

  /** Why {@code program} cannot run, or empty when it can. */
  static Optional<String> problem(String program, String path, Path workdir) {
    if (program.contains("=")) {
      return Optional.of("'" + program + "' is not a program name (it holds '=')");
    }
    if (program.contains("/")) {
      Path file = workdir.resolve(program);
      return check(file, program).map(p -> p + " (relative to " + workdir + ")");
    }
    for (String dir : (path == null ? "" : path).split(":")) {
      Path file = workdir.resolve(dir.isEmpty() ? "." : dir).resolve(program);
      if (Files.isRegularFile(file)) {
        if (Files.isExecutable(file)) return Optional.empty();
      }
    }
    return Optional.of(
        "command not found: '" + program + "' (searched the command's PATH: " + path + ")");
  }

  private static Optional<String> check(Path file, String program) {
    if (!Files.exists(file)) return Optional.of("command not found: '" + program + "'");
    if (!Files.isRegularFile(file)) return Optional.of("'" + program + "' is not a file");
    if (!Files.isExecutable(file)) {
      return Optional.of(
          "'" + program + "' is not executable (chmod +x it, or run it with its interpreter)");
    }
    return Optional.empty();
  }
}
