package dev.tollgate.cli.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.cli.CliRun;
import dev.tollgate.examples.energy.EnergyDataGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tollgate demo --auto-approve} in-process on a copy of the energy example: the embedded
 * server, the worker app, real training and validation, the approval through the decide Update.
 */
public class DemoEndToEndTest {
  @TempDir Path dir;

  @Test
  void theEnergyExampleIsDeployed() throws IOException {
    Path spec = dir.resolve("energy-load.yaml");
    Files.copy(
        Path.of("../examples/energy/energy-load.yaml"), spec, StandardCopyOption.COPY_ATTRIBUTES);
    EnergyDataGenerator.write(
        dir.resolve("load.csv"),
        EnergyDataGenerator.DEFAULT_SEED,
        EnergyDataGenerator.DEFAULT_ROWS);

    CliRun run =
        CliRun.of(
            "demo",
            "--spec",
            spec.toString(),
            "--auto-approve",
            "--home",
            dir.resolve("home").toString());

    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("TRAINING", "VALIDATING", "AWAITING_APPROVAL", "DEPLOYING", "NOTIFYING")
        .contains("Approve deployment of energy-load v1 to production? [y/N] y")
        .contains("approved by alice")
        .containsPattern("DEPLOYED energy-load v1 \\(rmse \\d+(\\.\\d)?, r2 0\\.\\d+\\)");
    assertThat(run.exitCode()).isZero();
    assertThat(dir.resolve("home/logs/worker.log")).exists();

    // The approver saw the boxed summary, and both reports are stored side by side.
    assertThat(run.out())
        .contains("╭─ Validation of energy-load v1", "✓ PASSED", "╰──")
        .contains("HTML report: file:");
    Path reports = dir.resolve("home/artifacts/reports/energy-load/v1");
    assertThat(reports.resolve("validation.json")).exists();
    assertThat(Files.readString(reports.resolve("validation.html"))).contains("<svg ");
    assertThat(Files.readString(dir.resolve("home/events.jsonl")))
        .contains(
            "\"kind\":\"APPROVAL_REQUESTED\"", "\"summary\":\"╭─ Validation of energy-load v1");
    Files.writeString(Path.of("target", "demo-output-sample.txt"), run.out());

    // Its closing lines say how to look at the registry with no worker, and that works: read-only.
    String home = dir.resolve("home").toString();
    assertThat(run.out()).contains("tollgate models list --home " + home);
    Path registryFile = dir.resolve("home/registry/registry.mv.db");
    byte[] bytes = Files.readAllBytes(registryFile);
    var modified = Files.getLastModifiedTime(registryFile);
    CliRun list = CliRun.of("models", "list", "--home", home);
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).containsPattern("energy-load +1 +v1 +champion=v1");
    CliRun show = CliRun.of("models", "show", "energy-load", "--home", home);
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).containsPattern("v1 +production").contains("audit trail", "by alice");
    assertThat(Files.readAllBytes(registryFile)).isEqualTo(bytes);
    assertThat(Files.getLastModifiedTime(registryFile)).isEqualTo(modified);
  }
}
