package dev.tollgate.activities.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds a test server's executable: the environment variable when set (an existing install), else
 * whatever the repository's install script prints, which installs the pinned version from PyPI into
 * the cache the first time and only answers with the path afterwards.
 */
public final class InstalledTool {
  private InstalledTool() {}

  /**
   * @param variable e.g. {@code MOTO_SERVER}, {@code MLFLOW_BIN}
   * @param script e.g. {@code install-moto.sh}, under {@code scripts/}
   * @param needs who needs it, for the message, e.g. "the S3 tests need moto_server"
   */
  public static Path find(String variable, String script, String needs)
      throws IOException, InterruptedException {
    String given = System.getenv(variable);
    if (given != null && !given.isBlank()) {
      Path path = Path.of(given);
      if (!Files.isExecutable(path)) {
        throw new IllegalStateException(variable + "=" + given + " is not an executable file");
      }
      return path;
    }
    Path found = script(script);
    Path log = Path.of("target", script.replace(".sh", ".log")).toAbsolutePath();
    Files.createDirectories(log.getParent());
    Process install =
        new ProcessBuilder("bash", found.toString()).redirectError(log.toFile()).start();
    String out = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = install.waitFor();
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    if (exit != 0 || lines.isEmpty()) {
      throw new IllegalStateException(
          needs
              + ", and "
              + found
              + " could not install it (exit "
              + exit
              + "): it needs python3 with venv and pip, and PyPI the first time; or set "
              + variable
              + " to an installed one. Its output:\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
    return Path.of(lines.getLast());
  }

  /** scripts/{@code name} of this repository, looked up from the module folder Maven runs in. */
  private static Path script(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("scripts").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "scripts/" + name + " not found above " + Path.of("").toAbsolutePath());
  }
}
