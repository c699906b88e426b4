package dev.tollgate.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import dev.tollgate.spec.PipelineSpec;
import dev.tollgate.spec.SpecParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tollgate demo --spec} on the issue-24 examples says what this machine lacks before it
 * starts anything: python3 with venv and pip for a Python training command, the data file, an
 * imported model's file. The examples are copied to a temp folder, so what is generated in the
 * repository's examples/ does not matter.
 */
class DemoPrerequisitesTest {
  @TempDir Path dir;

  @Test
  void aPathWithoutPython3SaysToInstallIt() throws IOException {
    Path spec = copy("churn-sklearn", "churn.yaml", "customers.csv");
    Path empty = Files.createDirectory(dir.resolve("bin"));

    assertThat(DemoPrerequisites.missing(spec, SpecParser.parse(spec), empty.toString()))
        .singleElement()
        .asString()
        .contains("python3 is not installed", "venv and pip", "apt-get install python3");
  }

  @Test
  void aPython3WithoutVenvAndPipSaysWhichPackage() throws IOException {
    Path spec = copy("lightgbm-regressor", "bike-rentals.yaml", "rentals.csv");
    Path bin = Files.createDirectory(dir.resolve("bin"));
    // Debian's python3 without python3-venv: the venv module is there, ensurepip is not.
    Path python3 = bin.resolve("python3");
    Files.writeString(
        python3,
        "#!/bin/sh\necho \"ModuleNotFoundError: No module named 'ensurepip'\" >&2\nexit 1\n");
    Files.setPosixFilePermissions(python3, PosixFilePermissions.fromString("rwx------"));

    assertThat(DemoPrerequisites.missing(spec, SpecParser.parse(spec), bin.toString()))
        .singleElement()
        .asString()
        .contains("cannot make a venv with pip", "No module named 'ensurepip'", "python3-venv");
  }

  @Test
  void thisMachinesPythonIsEnough() throws IOException {
    Path spec = copy("churn-sklearn", "churn.yaml", "customers.csv");

    assertThat(DemoPrerequisites.missing(spec, SpecParser.parse(spec), System.getenv("PATH")))
        .isEmpty();
  }

  @Test
  void aCommandWithoutRequirementsNeedsItsOwnProgramOnThePath() throws IOException {
    Path spec = copy("churn-sklearn", "churn.yaml", "customers.csv");
    Files.writeString(
        spec, Files.readString(spec).replaceAll("(?m)^  python: .*$", "  # no venv here"));

    assertThat(DemoPrerequisites.missing(spec, SpecParser.parse(spec), ""))
        .containsExactly("the training command's program 'python' is not on the PATH");
  }

  @Test
  void theDemoStopsBeforeStartingAnythingAndSaysHowToMakeTheData() throws IOException {
    Path spec = copy("churn-sklearn", "churn.yaml", null);
    Path home = dir.resolve("home");

    CliRun run = CliRun.of("demo", "--spec", spec.toString(), "--home", home.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("cannot run " + spec, "customers.csv does not exist")
        .contains("make it with: python3 " + dir.resolve("generate_data.py"))
        .contains("needs only a JDK");
    assertThat(run.out()).doesNotContain("Starting the worker");
    assertThat(home).doesNotExist();
  }

  @Test
  void anImportWhoseModelFileIsMissingIsNamed() throws IOException {
    Path spec = copy("import-onnx", "deliveries.yaml", "deliveries.csv");

    assertThat(DemoPrerequisites.missing(spec, SpecParser.parse(spec), ""))
        .singleElement()
        .asString()
        .contains("model" + java.io.File.separator + "model.onnx", "training.import", "README");
  }

  @Test
  void onlyATrainingCommandTurnsTheDemoWorkersCommandsOn() throws IOException {
    PipelineSpec churn = SpecParser.parse(copy("churn-sklearn", "churn.yaml", null));
    PipelineSpec imported = SpecParser.parse(Path.of("../examples/import-onnx/deliveries.yaml"));
    PipelineSpec energy = SpecParser.parse(Path.of("../examples/energy/energy-load.yaml"));

    assertThat(DemoCommand.trainingCommands(churn))
        .containsExactly("--tollgate.training.commands-enabled=true");
    assertThat(DemoCommand.trainingCommands(imported)).isEmpty();
    assertThat(DemoCommand.trainingCommands(energy)).isEmpty();
  }

  @Test
  void aContainerSpecTurnsContainersOnAndNeedsOnlyDocker() throws IOException {
    Path spec = copy("churn-sklearn", "churn.yaml", "customers.csv");
    String yaml =
        Files.readString(spec)
            .replaceFirst("\n  command: [^\n]*", "\n  runner: container\n  image: t/churn:1")
            .replaceFirst("\n  workdir: [^\n]*", "")
            .replaceFirst("\n  python: [^\n]*", "");
    Files.writeString(spec, yaml);
    PipelineSpec inContainer = SpecParser.parse(spec);

    assertThat(DemoCommand.trainingCommands(inContainer))
        .containsExactly("--tollgate.training.containers.enabled=true");
    assertThat(DemoPrerequisites.missing(spec, inContainer, "/nowhere"))
        .singleElement()
        .asString()
        .contains("the docker CLI is not on the PATH", "t/churn:1");
  }

  /** The example's spec and generator in the temp folder, with an empty {@code data} file. */
  private Path copy(String example, String specName, String data) throws IOException {
    Path from = Path.of("../examples", example);
    Path spec = Files.copy(from.resolve(specName), dir.resolve(specName));
    Files.copy(from.resolve("generate_data.py"), dir.resolve("generate_data.py"));
    if (data != null) Files.writeString(dir.resolve(data), "");
    return spec;
  }
}
