package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The project image as a {@code tollgate serve} container (host network, the home bind-mounted)
 * beside a host worker with its serving off, on the dev server: a deploy reaches the container and
 * its health check follows /ready; the worker is SIGKILLed and the container keeps answering; a
 * second deploy and a rollback reach it; no container is left.
 */
class ServeContainerIT {
  private static final String MODEL = "it-serve-ct";
  private static final String ROWS = ServeEndpoint.ENERGY_ROW;
  private static final Duration FOLLOW = Duration.ofSeconds(5);

  @Test
  void aServeContainerFollowsDeploysAndRollbacksAndOutlivesTheWorker() throws Exception {
    DockerEngine docker = DockerEngine.forTests("ServeContainerIT");
    try (TemporalDevServer server = TemporalDevServer.start("serve-container")) {
      assertThat(docker.imageExists(DockerEngine.projectImage()))
          .as(
              "image %s (scripts/build-images.sh) in %s",
              DockerEngine.projectImage(), docker.host())
          .isTrue();
      followsTheRegistry(docker, server);
    } finally {
      docker.close();
      assertThat(docker.containers(true)).as("containers left after the test").isEmpty();
    }
  }

  private static void followsTheRegistry(DockerEngine docker, TemporalDevServer server)
      throws Exception {
    Path home = ItSettings.newWorkDir("serve-container-home");
    // The host worker writes the home (0700, files 0600): serve runs as the home's owner, so that
    // it reads what the worker writes (WorkerContainerIT's reverse). Mounted at its own path,
    // because the serving pointers name the artifacts by their host paths.
    int uid = (Integer) Files.getAttribute(home, "unix:uid");
    int gid = (Integer) Files.getAttribute(home, "unix:gid");
    int port = FreePorts.next();
    String serve =
        docker.start(
            DockerRun.of(DockerEngine.projectImage(), "serve")
                .user(uid, gid)
                .option("--memory", "1g")
                // Host networking: its ports are the host's, so free ones, on loopback only.
                .env("TOLLGATE_SERVE_ADDRESS", "127.0.0.1")
                .env("TOLLGATE_SERVE_PORT", Integer.toString(port))
                .env("TOLLGATE_SERVE_MANAGEMENT_PORT", Integer.toString(FreePorts.next()))
                .mount(home, home.toString(), false)
                .command("serve", "--home", home.toString(), "--models", MODEL));
    docker.awaitLog(serve, "Tollgate serve ready", Duration.ofMinutes(2));
    ServeEndpoint endpoint = new ServeEndpoint("http://127.0.0.1:" + port);

    // Assigned but not deployed: not ready, and the image's health check says so.
    assertThat(endpoint.get("/ready").statusCode()).isEqualTo(503);
    assertThat(docker.docker("exec", serve, "/app/healthcheck.sh").exitCode()).isNotZero();

    Map<String, String> env =
        Map.of("TOLLGATE_SERVING_ENABLED", "false", "TOLLGATE_SERVING_URL", endpoint.url());
    Cli cli = new Cli(server.address(), "default");
    Path spec =
        ItSpecs.write(ItSettings.newWorkDir("serve-container-specs"), ItSpecs.Spec.quick(MODEL));
    try (WorkerProcess worker =
        WorkerProcess.start("serve-container", server.address(), "default", home, env)) {
      ModelRuns runs =
          new ModelRuns(
              cli,
              new Runs(cli, () -> worker.tail() + "\nserve container:\n" + docker.logs(serve)),
              MODEL,
              spec);
      // v1: the deploy's smoke test already asked the container (TOLLGATE_SERVING_URL).
      runs.deploy("r1");
      runs.approve("r1", "DEPLOYED " + MODEL + " v1");
      awaitAnswering(endpoint, 1, () -> docker.logs(serve));
      assertThat(endpoint.get("/ready").statusCode()).isEqualTo(200);
      ProcResult health = docker.docker("exec", serve, "/app/healthcheck.sh");
      assertThat(health.exitCode()).as(health.toString()).isZero();

      // The worker dies: every request still answered by v1.
      worker.kill();
      for (int i = 0; i < 20; i++) {
        assertThat(endpoint.answeringVersion(MODEL, ROWS))
            .as("request %d, worker dead", i)
            .isEqualTo(1);
      }
      // Docker's own HEALTHCHECK (every 30 s) turns healthy once /ready is 200, worker or not.
      Await.until(
          "the serve container's health status healthy",
          Duration.ofSeconds(90),
          () -> docker.inspect(serve, "{{.State.Health.Status}}"),
          "healthy"::equals,
          () -> docker.inspect(serve, "{{json .State.Health}}"));
      worker.startAgain();

      runs.deploy("r2");
      runs.approve("r2", "DEPLOYED " + MODEL + " v2");
      awaitAnswering(endpoint, 2, () -> docker.logs(serve));

      ProcResult rolled = cli.run("rollback", MODEL, "--by", "carol", "--reason", "container test");
      assertThat(rolled.exitCode()).as(rolled.toString()).isZero();
      // Loaded by the poller, as /ready reports it, then answered (requests read no pointer).
      Await.until(
          "the container's poller on v1 after the rollback",
          FOLLOW,
          () -> endpoint.loadedVersion(MODEL),
          v -> v == 1,
          () -> docker.logs(serve));
      awaitAnswering(endpoint, 1, () -> docker.logs(serve));
    }
  }

  private static void awaitAnswering(ServeEndpoint endpoint, int version, Supplier<String> log) {
    Await.until(
        "predictions answered by v" + version,
        FOLLOW,
        () -> endpoint.answeringVersion(MODEL, ROWS),
        v -> v == version,
        log);
  }
}
