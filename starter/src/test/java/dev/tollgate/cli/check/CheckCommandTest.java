package dev.tollgate.cli.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tollgate check}: each kind of problem it finds without a server is one line naming the
 * file and the key, exit code 2; a good spec is one OK line, exit code 0. No address is given and
 * none is needed.
 */
class CheckCommandTest {
  static final String SPEC =
      """
      model: energy-load
      data:
        train: file:load.csv
        target: load
        features: [hour, temperature]
      training:
        algorithm: random_forest
      approval:
        approvers: [alice]
      """;
  static final String DATA = "hour,temperature,load\n0,12.5,300\n1,11.0,280\n2,10.5,275\n";

  @TempDir Path dir;

  @Test
  void aGoodSpecWithItsDataIsOneOkLine() throws IOException {
    Path spec = write("good.yaml", SPEC);
    write("load.csv", DATA);

    CliRun run = CliRun.of("check", "--spec", spec.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("OK " + spec + " (data.train: 3 rows of load.csv read)\n");
  }

  @Test
  void aParquetFileAndAFolderOfPartsAreReadAsTheTrainStageReadsThem() throws IOException {
    Path parquet = energyParquet();
    Files.copy(parquet, dir.resolve("load.parquet"));
    Path parts = Files.createDirectories(dir.resolve("parts"));
    Files.copy(parquet, parts.resolve("part-00000.parquet"));
    Path file = write("file.yaml", SPEC.replace("file:load.csv", "file:load.parquet"));
    Path folder =
        write(
            "folder.yaml",
            SPEC.replace("file:load.csv", "file:parts/")
                + "schedule:\n  cron: \"0 2 * * *\"\n  drift_check_every: 6h\n  drift_data: file:parts/\n");

    CliRun run = CliRun.of("check", "--spec", file.toString(), "--rows", "50");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("OK " + file + " (data.train: 50 rows of load.parquet read)\n");

    run = CliRun.of("check", "--spec", folder.toString(), "--rows", "50");
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).startsWith("OK " + folder + " (data.train: 50 rows of parts/ read");
  }

  @Test
  void aParquetColumnOfTheWrongTypeIsTheLoadersMessage() throws IOException {
    Files.copy(energyParquet(), dir.resolve("load.parquet"));
    Path spec =
        write(
            "s.yaml",
            SPEC.replace("file:load.csv", "file:load.parquet")
                .replace("features: [hour, temperature]", "features: [hour, timestamp]"));

    CliRun run = CliRun.of("check", "--spec", spec.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .isEqualTo(
            spec
                + ": data.train: load.parquet column timestamp holds dates or times"
                + " (INT64/TIMESTAMP(MILLIS)), expected numbers\n");
  }

  /**
   * The energy example's data as Parquet (src/test/resources/energy, scripts/parquet-fixtures.py).
   */
  private static Path energyParquet() {
    try {
      return Path.of(CheckCommandTest.class.getResource("/energy/load.parquet").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aSpecTheParserRefusesNamesTheFileAndTheKey() throws IOException {
    Path spec = write("bad.yaml", SPEC.replace("random_forest", "random_forest\n  seeed: 1"));

    CliRun run = CliRun.of("check", "--spec", spec.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).startsWith(spec + ": training.seeed: ").contains("unknown key");
  }

  @Test
  void aColumnNotInTheHeaderIsTheLoadersMessage() throws IOException {
    Path spec = write("s.yaml", SPEC);
    write("load.csv", DATA.replace("temperature", "temp"));

    CliRun run = CliRun.of("check", "--spec", spec.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .isEqualTo(
            spec
                + ": data.train: load.csv has no column 'temperature' (its header has 3 columns:"
                + " 'hour', 'temp', 'load')\n");
  }

  @Test
  void aValueThatIsNotANumberIsNamedByRowAndColumn() throws IOException {
    Path spec = write("s.yaml", SPEC);
    write("load.csv", DATA.replace("11.0", "warm"));

    CliRun run = CliRun.of("check", "--spec", spec.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("data.train: load.csv row 3, column temperature: 'warm'");
  }

  @Test
  void onlyTheHeadIsRead() throws IOException {
    Path spec = write("s.yaml", SPEC);
    write("load.csv", DATA.replace("10.5", "cold")); // row 4: the third data row

    assertThat(CliRun.of("check", "--spec", spec.toString(), "--rows", "2").exitCode()).isZero();
    assertThat(CliRun.of("check", "--spec", spec.toString(), "--rows", "3").exitCode())
        .isEqualTo(2);
  }

  @Test
  void aMissingValueUnderMissingFailIsAProblem() throws IOException {
    Path spec = write("s.yaml", SPEC);
    write("load.csv", DATA.replace("280", ""));

    CliRun run = CliRun.of("check", "--spec", spec.toString());

    assertThat(run.out()).contains("load.csv row 3, column load: the value is missing");
    Path dropping =
        write("d.yaml", SPEC.replace("  target: load", "  target: load\n  missing: drop_rows"));
    assertThat(CliRun.of("check", "--spec", dropping.toString()).exitCode()).isZero();
  }

  @Test
  void aMissingDataFileIsAProblemUnlessNoData() throws IOException {
    Path spec = write("s.yaml", SPEC);

    CliRun run = CliRun.of("check", "--spec", spec.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains(": data.train: ").contains("load.csv does not exist");

    CliRun skipped = CliRun.of("check", "--no-data", "--spec", spec.toString());
    assertThat(skipped.exitCode()).isZero();
    assertThat(skipped.out()).isEqualTo("OK " + spec + "\n");
  }

  @Test
  void aTrainingProgramThatIsNotThereIsAProblem() throws IOException {
    Files.createDirectories(dir.resolve("trainer"));
    Path spec =
        write(
            "s.yaml",
            SPEC.replace(
                "  algorithm: random_forest", "  command: [./train.sh]\n  workdir: trainer\n"));

    CliRun run = CliRun.of("check", "--no-data", "--spec", spec.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains(spec + ": training.command: the program './train.sh' is not an executable file");

    Path script = write("trainer/train.sh", "#!/bin/sh\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(CliRun.of("check", "--no-data", "--spec", spec.toString()).exitCode()).isZero();
  }

  @Test
  void aProgramNotOnThePathAndAMissingRequirementsFileAreProblems() throws IOException {
    Files.createDirectories(dir.resolve("trainer"));
    Path bare =
        write(
            "bare.yaml",
            SPEC.replace(
                "  algorithm: random_forest",
                "  command: [no-such-trainer-xyz, fit]\n  workdir: trainer\n"));
    Path venv =
        write(
            "venv.yaml",
            SPEC.replace(
                "  algorithm: random_forest",
                "  command: [python, train.py]\n  workdir: trainer\n"
                    + "  python: { requirements: requirements.txt }\n"));

    CliRun run = CliRun.of("check", "--no-data", "--spec", bare.toString(), venv.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains(bare + ": training.command: the program 'no-such-trainer-xyz' is not on the PATH")
        .contains(venv + ": training.python.requirements: ")
        .contains("requirements.txt does not exist");
  }

  @Test
  void aMissingImportedModelIsAProblem() throws IOException {
    Path spec =
        write(
            "s.yaml",
            SPEC.replace("  algorithm: random_forest", "  import: { uri: file:model.onnx }"));
    write("load.csv", DATA);

    CliRun run = CliRun.of("check", "--spec", spec.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains(spec + ": training.import.uri: ").contains("model.onnx");
  }

  @Test
  void theDeployTargetsSettingsAreChecked() throws IOException {
    Path spec =
        write(
            "s.yaml",
            SPEC + "deploy:\n  target: ecs\n  ecs: { cluster: c, service: s, url: 'ftp://x' }\n");

    CliRun run = CliRun.of("check", "--no-data", "--spec", spec.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).startsWith(spec + ": deploy.ecs.url: ");
  }

  @Test
  void theRollbackWatchsLabelledDataIsSampledToo() throws IOException {
    Path spec =
        write(
            "s.yaml",
            SPEC
                + "deploy:\n  rollback:\n    on_degradation: 0.2\n    watch: 1h\n"
                + "    labelled_data: file:labelled.csv\n");
    write("load.csv", DATA);
    write("labelled.csv", "hour,load\n0,300\n");

    CliRun run = CliRun.of("check", "--spec", spec.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out())
        .contains(
            spec + ": deploy.rollback.labelled_data: labelled.csv has no column 'temperature'");
  }

  @Test
  void everySpecGetsItsLineAndOneBadSpecFailsTheCheck() throws IOException {
    Path good = write("good.yaml", SPEC);
    Path bad = write("bad.yaml", SPEC.replace("model: energy-load", "model: Energy Load"));
    write("load.csv", DATA);

    CliRun run = CliRun.of("check", "--spec", good.toString(), bad.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out().lines()).hasSize(2).first().asString().startsWith("OK " + good);
    assertThat(run.out().lines().toList().get(1)).startsWith(bad + ": model: ");
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
