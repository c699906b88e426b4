package dev.tollgate.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.activities.db.RegistryDatabase;
import dev.tollgate.activities.registry.JdbcRegistry;
import dev.tollgate.activities.registry.RegistryActivitiesImpl;
import dev.tollgate.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data that got through before issue 8 and ended with a model in Production (a repeated header
 * column) or minutes of training (a regression target given to a classifier), or was named wrongly
 * (a directory "does not exist"): {@code tollgate demo} ends FAILED, exit 1, with a cause naming
 * the file and the column, and nothing registered, stored or served.
 */
class BadDataDemoTest {
  @TempDir Path dir;

  @Test
  void aRepeatedHeaderColumnFailsTheRunBeforeAnythingIsRegistered() throws IOException {
    writeData(
        "age,bmi,bmi,charges",
        400,
        i -> fmt("%d,%.1f,31.5,%.2f", 20 + i % 40, 20.0 + i % 15, 1000 + 37.0 * i));
    CliRun run = demo(spec("regression", "gradient_boosting", "[age, bmi]"));

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("FAILED")
        .contains(
            "insurance.csv header repeats the column name 'bmi' (columns 2 and 3); every column"
                + " needs a name of its own")
        .doesNotContain("DEPLOYED");
    assertNothingKept();
  }

  @Test
  void aRegressionTargetGivenToAClassifierIsRefusedBeforeTraining() throws IOException {
    writeData(
        "age,bmi,charges",
        2000,
        i -> fmt("%d,%.1f,%.2f", 20 + i % 40, 20.0 + i % 15, 1000 + 13.37 * i));
    CliRun run = demo(spec("classification", "logistic", "[age, bmi]"));

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("FAILED")
        .contains("insurance.csv column charges: 2,000 distinct values in a classification target")
        .contains("use task: regression");
    assertNothingKept();
  }

  @Test
  void aDirectoryAsDataTrainIsNamedAsADirectory() throws IOException {
    Files.createDirectory(dir.resolve("insurance.csv"));
    CliRun run = demo(spec("regression", "gradient_boosting", "[age, bmi]"));

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
    assertThat(run.out())
        .contains("insurance.csv is a directory; data.train must name a CSV file")
        .doesNotContain("does not exist");
    assertNothingKept();
  }

  /** {@code insurance.csv}: the header, then {@code rows} lines made by {@code row}. */
  private void writeData(String header, int rows, IntFunction<String> row) throws IOException {
    StringBuilder csv = new StringBuilder(header).append('\n');
    for (int i = 0; i < rows; i++) csv.append(row.apply(i)).append('\n');
    Files.writeString(dir.resolve("insurance.csv"), csv);
  }

  private static String fmt(String format, Object... values) {
    return String.format(Locale.ROOT, format, values);
  }

  private Path spec(String task, String algorithm, String features) throws IOException {
    return Files.writeString(
        dir.resolve("insurance.yaml"),
        """
        model: insurance
        task: %s
        data:
          train: file:insurance.csv
          target: charges
          features: %s
          min_rows: 100
        training:
          algorithm: %s
        approval:
          approvers: [alice]
        """
            .formatted(task, features, algorithm));
  }

  private CliRun demo(Path spec) {
    return CliRun.of(
        "demo", "--spec", spec.toString(), "--auto-approve", "--home", home().toString());
  }

  private Path home() {
    return dir.resolve("home");
  }

  /** No version in the registry, no model stored, nothing served. */
  private void assertNothingKept() throws IOException {
    try (RegistryDatabase db = RegistryDatabase.open(RegistryDatabase.h2Url(home()), null, null)) {
      assertThat(new RegistryActivitiesImpl(new JdbcRegistry(db)).listModels()).isEmpty();
    }
    for (String kept : new String[] {"artifacts/models", "serving"}) {
      Path folder = home().resolve(kept);
      if (Files.exists(folder)) {
        try (Stream<Path> files = Files.walk(folder)) {
          assertThat(files.filter(Files::isRegularFile)).as(kept).isEmpty();
        }
      }
    }
  }
}
