package dev.tollgate.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A spec with an error is refused before any connection: exit code 2 and a message naming the file,
 * the key and what was expected. The address given is one nobody listens on, so an attempt to
 * connect would show up as exit code 3 instead.
 */
class BadSpecTest {
  private static final String NOBODY = "127.0.0.1:1";

  @TempDir Path dir;

  @Test
  void negativeTreesNameTheKeyAndTheRange() throws IOException {
    Path spec = write("trees.yaml", GOOD.replace("trees: 200", "trees: -5"));

    CliRun run = CliRun.of("run", "--spec", spec.toString(), "--address", NOBODY);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(spec.toString())
        .contains("training.params.trees")
        .contains("expected a value from 1 to")
        .doesNotContain("cannot reach");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void missingTargetNamesTheKey() throws IOException {
    Path spec = write("target.yaml", GOOD.replace("  target: load\n", ""));

    CliRun run = CliRun.of("run", "--spec", spec.toString(), "--address", NOBODY, "--wait");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(spec.toString())
        .contains("data.target")
        .contains("missing; expected text")
        .doesNotContain("cannot reach");
  }

  /** Issue 8's spec cases, refused by the CLI before any connection, naming the key. */
  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "approvers: [alice, bob]|approvers: [alice, bob]\\nvalidation: {thresholds: {rmse: {max: -1}}}|validation.thresholds.rmse.max|expected 0 or more (rmse is never negative), got -1",
        "approvers: [alice, bob]|approvers: [alice, bob]\\nvalidation: {thresholds: {r2: {min: .nan}}}|validation.thresholds.r2.min|expected a number, got .nan",
        "features: [hour, day_of_week, temperature, humidity]|features: [hour, humidity, humidity]|data.features[2]|'humidity' is listed twice (also at [1])",
        "features: [hour, day_of_week, temperature, humidity]|features: [hour, load]|data.features[1]|'load' is the target (data.target)",
        "  seed: 42|  seed: 42\\n  seed: 7|training.seed|written twice (lines 11 and 12)",
        "approvers: [alice, bob]|approvers: [alice, alice]|approval.approvers[1]|'alice' is listed twice",
      })
  void issue8SpecsAreRefusedNamingTheKey(String from, String to, String key, String expected)
      throws IOException {
    String yaml = GOOD.replace(from, to.replace("\\n", "\n"));
    assertThat(yaml).isNotEqualTo(GOOD);
    Path spec = write("bad.yaml", yaml);

    CliRun run = CliRun.of("run", "--spec", spec.toString(), "--address", NOBODY);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("tollgate: the spec cannot be used: " + spec + ": " + key + ": ")
        .contains(expected)
        .doesNotContain("cannot reach", "Exception");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aWorkerWhoseRegistryDoesNotConnectStopsWithExitCode3() {
    CliRun run =
        CliRun.of(
            "worker",
            "--embedded-port",
            "0",
            "--home",
            dir.resolve("home").toString(),
            "--registry-url",
            "jdbc:postgresql://127.0.0.1:1/tollgate");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err())
        .contains("the model registry at jdbc:postgresql://127.0.0.1:1/tollgate cannot be used:")
        .doesNotContain("\tat ");
  }

  @Test
  void missingFileIsAUsageErrorToo() {
    CliRun run = CliRun.of("run", "--spec", dir.resolve("nope.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nope.yaml").contains("no such file");
  }

  @Test
  void theGoodSpecGetsAsFarAsTheUnreachableServer() throws IOException {
    Path spec = write("good.yaml", GOOD);

    CliRun run = CliRun.of("run", "--spec", spec.toString(), "--address", NOBODY);

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains("cannot reach a Temporal server at " + NOBODY);
  }

  @Test
  void theDemoRefusesABadSpecBeforeStartingAnything() throws IOException {
    Path spec = write("demo.yaml", GOOD.replace("trees: 200", "trees: -5"));

    CliRun run = CliRun.of("demo", "--spec", spec.toString(), "--home", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("training.params.trees");
    assertThat(run.out()).doesNotContain("Starting the worker");
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  static final String GOOD =
      """
      model: energy-load
      task: regression
      data:
        train: file:load.csv
        target: load
        features: [hour, day_of_week, temperature, humidity]
        min_rows: 1000
      training:
        algorithm: gradient_boosting
        params: { trees: 200, max_depth: 6, shrinkage: 0.05 }
        seed: 42
        holdout: 0.2
      approval:
        approvers: [alice, bob]
      """;
}
