package dev.tollgate.activities.s3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds {@code moto_server}: {@code $MOTO_SERVER} when set (an existing install), else whatever
 * {@code scripts/install-moto.sh} prints, which installs the pinned moto into the cache the first
 * time and only answers with the path afterwards.
 */
final class MotoInstall {
  private MotoInstall() {}

  static Path server() throws IOException, InterruptedException {
    String given = System.getenv("MOTO_SERVER");
    if (given != null && !given.isBlank()) {
      Path path = Path.of(given);
      if (!Files.isExecutable(path)) {
        throw new IllegalStateException("MOTO_SERVER=" + given + " is not an executable file");
      }
      return path;
    }
    Path script = script();
    Path log = Path.of("target", "install-moto.log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    Process install =
        new ProcessBuilder("bash", script.toString()).redirectError(log.toFile()).start();
    String out = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = install.waitFor();
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    if (exit != 0 || lines.isEmpty()) {
      throw new IllegalStateException(
          "the S3 tests need moto_server, and "
              + script
              + " could not install it (exit "
              + exit
              + "): it needs python3 with venv and pip, and PyPI the first time; or set"
              + " MOTO_SERVER to an installed moto_server. Its output:\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
    return Path.of(lines.getLast());
  }

  /** scripts/install-moto.sh of this repository, looked up from the module folder Maven runs in. */
  private static Path script() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("scripts").resolve("install-moto.sh");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "scripts/install-moto.sh not found above " + Path.of("").toAbsolutePath());
  }
}
