package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code tollgate serve} on the dev server: a worker with its serving off and two serve replicas on
 * the same home. A deploy reaches both; both keep answering while the worker is SIGKILLed; a second
 * deploy and a rollback reach both through their pollers (serve's requests read no pointer; the
 * time to both {@code /ready}s is printed, and measured in benchmarks/serve-promotion.sh, not
 * asserted); a serve assigned a model not deployed yet is not ready and answers 503 naming it; a
 * damaged artifact leaves both on the previous version, counted, and fails the deploy's smoke test
 * at once.
 */
class ServeIT {
  private static final String MODEL = "it-serve";
  private static final String ROWS = ServeEndpoint.ENERGY_ROW;

  /** Far above the poll interval (500 ms): only a replica whose poller never loads it fails. */
  private static final Duration POLLER_BOUND = Duration.ofSeconds(30);

  @Test
  void twoReplicasFollowDeploysAndRollbacksAndOutliveTheWorker() throws Exception {
    Path home = ItSettings.newWorkDir("serve-home");
    int portA = FreePorts.next();
    int portB = FreePorts.next();
    try (TemporalDevServer server = TemporalDevServer.start("serve");
        ServeProcess a = ServeProcess.start("a", home, portA);
        ServeProcess b = ServeProcess.start("b", home, portB);
        ServeProcess later =
            ServeProcess.start("later", home, FreePorts.next(), "--models", "it-later")) {
      Map<String, String> env =
          Map.of("TOLLGATE_SERVING_ENABLED", "false", "TOLLGATE_SERVING_URL", a.url());
      Cli cli = new Cli(server.address(), "default");
      Path specs = ItSettings.newWorkDir("serve-specs");
      Path spec = ItSpecs.write(specs, ItSpecs.Spec.quick(MODEL));
      WorkerHome pointers = new WorkerHome(home);

      // A model assigned by name and never deployed: not ready, naming it; its predictions 503.
      var notReady = later.get("/ready");
      assertThat(notReady.statusCode()).isEqualTo(503);
      assertThat(notReady.body()).contains("it-later", "not deployed to production yet");
      assertThat(later.answeringVersion("it-later", ROWS)).isEqualTo(-503);

      try (WorkerProcess worker =
          WorkerProcess.start("serve", server.address(), "default", home, env)) {
        ModelRuns runs = new ModelRuns(cli, new Runs(cli, worker::tail), MODEL, spec);
        runs.deploy("r1");
        runs.approve("r1", "DEPLOYED " + MODEL + " v1");
        awaitBoth(a, b, 1, Duration.ofSeconds(5));
        assertThat(a.get("/ready").statusCode()).isEqualTo(200);
        assertThat(b.json("/ready").path("models").path(MODEL).path("version").asInt())
            .isEqualTo(1);

        // The worker dies: serving does not depend on it.
        worker.kill();
        assertThat(a.answeringVersion(MODEL, ROWS)).as("a, worker dead").isEqualTo(1);
        assertThat(b.answeringVersion(MODEL, ROWS)).as("b, worker dead").isEqualTo(1);
        worker.startAgain();

        // v2: the time from the pointer's write to both replicas answering it.
        runs.deploy("r2");
        Duration toV2 =
            measure(pointers, 2, a, b, () -> runs.approve("r2", "DEPLOYED " + MODEL + " v2"));
        // A rollback by hand reaches both the same way.
        Duration toV1 =
            measure(
                pointers,
                1,
                a,
                b,
                () -> {
                  ProcResult rolled =
                      cli.run("rollback", MODEL, "--by", "carol", "--reason", "serve test");
                  assertThat(rolled.exitCode()).as(rolled.toString()).isZero();
                });
        System.out.printf(
            "ServeIT: pointer write to both replicas loading it (/ready): deploy %d ms, rollback %d ms%n",
            toV2.toMillis(), toV1.toMillis());

        // v3's model file is damaged after validation: both stay on v1, count it, and the smoke
        // test fails at once on serving's word.
        runs.deploy("r3");
        JsonNode v3 = new RegistryView(cli).record(MODEL).path("versions").get(2);
        damage(Path.of(URI.create(v3.path("artifactUri").asText())));
        RunStatus failed = runs.approve("r3", "ROLLED_BACK " + MODEL + " v3");
        assertThat(failed.toString()).contains("could not be loaded");
        assertThat(a.answeringVersion(MODEL, ROWS)).isEqualTo(1);
        assertThat(b.answeringVersion(MODEL, ROWS)).isEqualTo(1);
        assertThat(a.scrape())
            .contains("tollgate_serving_load_failures_total{model=\"" + MODEL + "\"} 1.0");
        // b may never see v3's pointer: a's failure fails the smoke test at once, and the rollback
        // can land before b's next poll. It counts the failure exactly when it met it.
        boolean bMetIt = b.logText().contains(MODEL + " v3 could not be loaded");
        assertThat(
                b.scrape()
                    .contains("tollgate_serving_load_failures_total{model=\"" + MODEL + "\"} 1.0"))
            .as("b counted the failure iff it met v3's pointer")
            .isEqualTo(bMetIt);
        assertThat(a.logText()).contains(MODEL + " v3 could not be loaded").doesNotContain("\tat ");
      }
    }
  }

  /**
   * Runs {@code action} aside and returns the time from the pointer first naming {@code version} to
   * both replicas having loaded it, as their {@code /ready} says: no request of the test drives a
   * load, so a replica the smoke test does not ask (b) measures the poller alone.
   */
  private static Duration measure(
      WorkerHome pointers, int version, ServeProcess a, ServeProcess b, Runnable action)
      throws Exception {
    CompletableFuture<Void> done = CompletableFuture.runAsync(action);
    long written = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos(); // the run's own time
    boolean onA = false;
    boolean onB = false;
    while (!(onA && onB)) {
      if (System.nanoTime() > deadline
          || (done.isDone() && written == 0 && done.isCompletedExceptionally())) {
        done.join();
        throw new AssertionError(
            written == 0
                ? "the pointer never named v" + version
                : "v" + version + " not loaded by both replicas within " + POLLER_BOUND);
      }
      if (written == 0) {
        if (pointers.serving(MODEL).path("version").asInt() == version) {
          written = System.nanoTime();
          deadline = written + POLLER_BOUND.toNanos();
        }
      } else {
        // /ready: what each replica's poller loaded (serve's requests never read a pointer).
        onA = onA || a.endpoint().loadedVersion(MODEL) == version;
        onB = onB || b.endpoint().loadedVersion(MODEL) == version;
      }
      Thread.sleep(10);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - written);
    done.join();
    return took;
  }

  private static void damage(Path folder) throws Exception {
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
  }

  private static void awaitBoth(ServeProcess a, ServeProcess b, int version, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (a.answeringVersion(MODEL, ROWS) != version
        || b.answeringVersion(MODEL, ROWS) != version) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "not both on v"
                + version
                + " within "
                + within
                + "\na: "
                + a.tail()
                + "\nb: "
                + b.tail());
      }
      Thread.sleep(20);
    }
  }
}
