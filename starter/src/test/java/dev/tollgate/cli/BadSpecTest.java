package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
