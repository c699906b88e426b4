package dev.tollgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The figures of the fault tests, one row per fault, in target/it-artifacts/fault-report.md: faults
 * injected, runs completed, duplicates found. docs/reliability.md quotes a run of it.
 */
final class FaultReport {
  private static final String HEADER =
      "| test | fault | injected | runs completed | duplicates |\n|---|---|---:|---:|---:|\n";

  private FaultReport() {}

  // A fresh report per test run: the first row of this JVM starts the file again.
  static {
    try {
      Files.deleteIfExists(file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path file() {
    return ItSettings.artifactDir().resolve("fault-report.md");
  }

  /**
   * One row. {@code duplicates} counts what must exist once and exists more often (model versions,
   * promotions, completed stage attempts, artifacts, distinct notifications).
   */
  static synchronized void row(
      String test, String fault, int injected, int runsCompleted, int duplicates) {
    String row =
        "| %s | %s | %d | %d | %d |\n".formatted(test, fault, injected, runsCompleted, duplicates);
    try {
      if (!Files.exists(file())) Files.writeString(file(), HEADER, StandardCharsets.UTF_8);
      Files.writeString(file(), row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
