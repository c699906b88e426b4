package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deploy and rollback end to end on the real dev server, with the shared worker and the CLI as
 * processes: two versions deployed, a rollback by hand puts v1 back in serving and the registry; a
 * candidate whose model file was damaged after validation fails its smoke test over HTTP, and both
 * serving and the registry go back (the candidate archived as smoke_failed, v1 still Production).
 */
@ExtendWith(SharedStack.class)
class DeployRollbackIT {
  private static final String MODEL = "it-rollback";
  private SharedStack stack;
  private Cli cli;
  private Runs runs;

  @BeforeEach
  void connect() {
    stack = SharedStack.get();
    cli = stack.cli();
    runs = new Runs(cli, () -> stack.worker().tail());
  }

  private RunStatus runToGate(Path spec, String run) {
    ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", run);
    assertThat(started.exitCode()).as(started.toString()).isZero();
    return runs.awaitStage(MODEL + "/" + run, "AWAITING_APPROVAL", Duration.ofMinutes(3));
  }

  private RunStatus approve(String run) {
    ProcResult approved = cli.approve(MODEL + "/" + run, "alice");
    assertThat(approved.exitCode()).as(approved.toString()).isZero();
    return runs.awaitFinished(MODEL + "/" + run, Duration.ofMinutes(2));
  }

  @Test
  void aRollbackByHandAndAFailedSmokeTestBothPutServingAndTheRegistryBack() throws Exception {
    Path spec = stack.spec(ItSpecs.Spec.quick(MODEL));
    runToGate(spec, "r1");
    assertThat(approve("r1").outcome()).startsWith("DEPLOYED " + MODEL + " v1");
    runToGate(spec, "r2");
    assertThat(approve("r2").outcome()).startsWith("DEPLOYED " + MODEL + " v2");
    assertThat(stack.home().serving(MODEL).path("version").asInt()).isEqualTo(2);

    ProcResult rolled = cli.run("rollback", MODEL, "--by", "carol", "--reason", "latency after v2");
    assertThat(rolled.exitCode()).as(rolled.toString()).isZero();
    assertThat(rolled.out()).contains("ROLLED BACK " + MODEL + " v2 -> v1");
    assertThat(stack.home().serving(MODEL).path("version").asInt()).isEqualTo(1);
    assertThat(stack.registry().versionStages(MODEL)).containsExactly("PRODUCTION", "ARCHIVED");

    // v3 passes validation, then its model file is damaged before it is deployed.
    runToGate(spec, "r3");
    JsonNode v3 = stack.registry().record(MODEL).path("versions").get(2);
    Path folder = Path.of(URI.create(v3.path("artifactUri").asText()));
    try (var files = Files.list(folder)) {
      Path model =
          files
              .filter(f -> f.getFileName().toString().startsWith("model."))
              .findFirst()
              .orElseThrow();
      byte[] bytes = Files.readAllBytes(model);
      bytes[bytes.length / 2] ^= 0x5a;
      Files.write(model, bytes);
    }
    RunStatus failed = approve("r3");
    assertThat(failed.outcome()).as(failed.toString()).startsWith("ROLLED_BACK " + MODEL + " v3");
    assertThat(stack.home().serving(MODEL).path("version").asInt())
        .as("serving is back on v1")
        .isEqualTo(1);
    JsonNode record = stack.registry().record(MODEL);
    assertThat(stack.registry().versionStages(MODEL))
        .containsExactly("PRODUCTION", "ARCHIVED", "ARCHIVED");
    assertThat(record.path("versions").get(2).path("stageReason").asText())
        .startsWith("smoke_failed: ");
    assertThat(record.path("aliases").path("champion").asInt()).isEqualTo(1);
  }
}
