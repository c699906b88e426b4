package dev.tollgate.cli.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.cli.CliRun;
import dev.tollgate.cli.worker.WorkerLauncher;
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

  /** {@code GET /v1/models/{model}} on the worker's HTTP port. */
  private static JsonNode served(String model) {
    try {
      String port = app.getEnvironment().getProperty("local.server.port");
      var answer =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create("http://127.0.0.1:" + port + "/v1/models/" + model))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      return new ObjectMapper().readTree(answer.body());
    } catch (Exception e) {
      throw new AssertionError("GET /v1/models/" + model, e);
    }
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
    // Who put it there, and the run, named apart: by the CLI from the registry, by serving from
    // its pointer (once "deployed_by":"r2", a run id).
    assertThat(shown.out()).containsPattern("\n  production v2  approved by alice  run r2  at ");
    JsonNode served = served("reg");
    assertThat(served.path("run").asText()).isEqualTo("r2");
    assertThat(served.path("approved_by").toString()).isEqualTo("[\"alice\"]");
    assertThat(served.path("rolled_back_by").isNull()).isTrue();
    assertThat(served.has("deployed_by")).isFalse();

    CliRun rolled = cli("rollback", "reg", "--by", "carol", "--reason", "latency after v2");
    assertThat(rolled.exitCode()).as(rolled.out() + rolled.err()).isZero();
    assertThat(rolled.out()).contains("ROLLED BACK reg v2 -> v1");
    CliRun after = cli("models", "show", "reg", "--json");
    assertThat(after.out()).contains("\"champion\" : 1").contains("rolled back: latency after v2");
    assertThat(cli("models", "show", "reg").out())
        .contains("v1 archived -> production  by carol")
        .containsPattern(
            "\n  production v1  rolled back to by carol \\(reason: latency after v2\\)  run"
                + " rollback-\\S+  at ");
    JsonNode rolledBack = served("reg");
    assertThat(rolledBack.path("version").asInt()).isEqualTo(1);
    assertThat(rolledBack.path("run").asText()).startsWith("rollback-");
    assertThat(rolledBack.path("rolled_back_by").asText()).isEqualTo("carol");
    assertThat(rolledBack.path("reason").asText()).isEqualTo("latency after v2");
    assertThat(rolledBack.path("approved_by").toString()).isEqualTo("[]");

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
