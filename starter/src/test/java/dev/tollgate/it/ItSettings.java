package dev.tollgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the integration tests need from the build: the CLI jar, the Temporal CLI binary and the
 * folders for logs and work files. A missing piece fails the tests with how to fix it; none is
 * skipped.
 */
final class ItSettings {
  private static final String HOW_TO_INSTALL =
      "Install it with scripts/install-temporal-cli.sh (needs Go) and pass its output as"
          + " -Dtollgate.temporal.cli=PATH (or TOLLGATE_TEMPORAL_CLI=PATH), or run scripts/test.sh,"
          + " which does both.";

  private ItSettings() {}

  /** The Temporal CLI binary ({@code temporal}), which runs {@code server start-dev}. */
  static Path temporalCli() {
    String value = System.getProperty("tollgate.temporal.cli");
    if (value == null || value.isBlank() || value.startsWith("${")) {
      throw new IllegalStateException(
          "The integration tests need the Temporal CLI, and system property tollgate.temporal.cli"
              + " is not set. "
              + HOW_TO_INSTALL);
    }
    Path cli = Path.of(value);
    if (!Files.isExecutable(cli)) {
      throw new IllegalStateException(
          "tollgate.temporal.cli=" + value + " is not an executable file. " + HOW_TO_INSTALL);
    }
    return cli;
  }

  /** The CLI fat jar, built in the package phase before the integration tests run. */
  static Path tollgateJar() {
    String value =
        System.getProperty("tollgate.jar", targetDir().resolve("tollgate.jar").toString());
    Path jar = Path.of(value);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar
              + " does not exist: run the integration tests through Maven's verify phase"
              + " (./mvnw verify -Pit), which packages it first.");
    }
    return jar;
  }

  /** The java binary of the JDK these tests run on, for the worker and CLI processes. */
  static Path javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /** starter/target (Failsafe sets it; defaults to target under the working directory). */
  static Path targetDir() {
    return Path.of(System.getProperty("tollgate.it.dir", "target")).toAbsolutePath();
  }

  /** target/it-logs: every process's output, named in failure messages. */
  static Path logDir() {
    return dir(targetDir().resolve("it-logs"));
  }

  /** target/it-artifacts: what a person may want to look at afterwards (screenshots). */
  static Path artifactDir() {
    return dir(targetDir().resolve("it-artifacts"));
  }

  /** A new empty folder under target/it-work for one test's files. */
  static Path newWorkDir(String name) {
    try {
      return Files.createTempDirectory(dir(targetDir().resolve("it-work")), name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path dir(Path path) {
    try {
      return Files.createDirectories(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
