package dev.tollgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.examples.energy.EnergyDataGenerator;
import dev.tollgate.worker.temporal.TemporalTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code tollgate models} and {@code tollgate rollback} against a worker app on its embedded
 * server, in this process, after two real runs deployed v1 and v2: the registry shows both with
 * lineage and audit, a rollback puts v1 back (serving and registry), a rollback to a version that
 * never served is refused naming it.
 */
class RegistryCommandsTest {
  @TempDir static Path dir;
  private static ConfigurableApplicationContext app;
  private static String address;

  @BeforeAll
  static void deployTwoVersions() throws Exception {
    var args =
        new java.util.ArrayList<>(WorkerLauncher.quietEmbeddedArgs(dir.resolve("home").toString()));
    args.add("--tollgate.data-access.roots=" + dir); // the specs' data sits beside the home
    app = WorkerLauncher.start(args);
    address = app.getBean(TemporalTarget.class).address();
    EnergyDataGenerator.write(dir.resolve("load.csv"), 42, 2000);
    Path spec =
        Files.writeString(
            dir.resolve("reg.yaml"),
            """
            model: reg
            data: { train: file:load.csv, target: load, features: [hour, temperature, humidity] }
            training: { algorithm: gradient_boosting, params: { trees: 20 } }
            approval: { approvers: [alice], timeout: 1h }
            """);
    for (String run : new String[] {"r1", "r2"}) deploy(spec, run);
  }

  @AfterAll
  static void stopWorker() {
    if (app != null) app.close();
  }

  private static void deploy(Path spec, String run) throws InterruptedException {
    assertThat(cli("run", "--spec", spec.toString(), "--run-id", run).exitCode()).isZero();
    for (int i = 0; i < 200 && cli("approve", "reg/" + run, "--by", "alice").exitCode() != 0; i++) {
      Thread.sleep(250); // not yet at the gate
    }
    for (int i = 0; i < 200 && !cli("status", "reg/" + run).out().contains("DEPLOYED"); i++) {
      Thread.sleep(250);
    }
    assertThat(cli("status", "reg/" + run).out()).contains("DEPLOYED reg v");
  }

  private static CliRun cli(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--address";
    all[args.length + 1] = address;
    return CliRun.of(all);
  }

  @Test
  void modelsShowsVersionsLineageAndAuditAndRollbackPutsTheLastOneBack() {
    CliRun shown = cli("models", "show", "reg");
    assertThat(shown.exitCode()).as(shown.err()).isZero();
    assertThat(shown.out())
        .contains("reg  aliases: champion=v2")
        .containsPattern("v1 +archived .*\\(replaced by v2\\)")
        .containsPattern("v2 +production")
        .contains("v1 none -> production  by alice  run r1: approved by alice")
        .contains("v1 production -> archived  by alice  run r2: replaced by v2");
    assertThat(cli("models", "list").out()).containsPattern("reg +2 +v2 +champion=v2");

    CliRun rolled = cli("rollback", "reg", "--by", "carol", "--reason", "latency after v2");
    assertThat(rolled.exitCode()).as(rolled.out() + rolled.err()).isZero();
    assertThat(rolled.out()).contains("ROLLED BACK reg v2 -> v1");
    CliRun after = cli("models", "show", "reg", "--json");
    assertThat(after.out()).contains("\"champion\" : 1").contains("rolled back: latency after v2");
    assertThat(cli("models", "show", "reg").out()).contains("v1 archived -> production  by carol");

    CliRun refused = cli("rollback", "reg", "--to", "9", "--by", "carol", "--reason", "x");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err())
        .contains("rollback of reg refused: --to 9: reg has no version 9 (registered: [1, 2])");
    CliRun current = cli("rollback", "reg", "--to", "1", "--by", "carol", "--reason", "x");
    assertThat(current.err()).contains("reg v1 is in Production already");
    assertThat(cli("models", "show", "nope").err())
        .contains("no model nope in the registry (models: [reg])");
  }
}
