package dev.tollgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project image (docker/Dockerfile, built by scripts/build-images.sh on a local base) as a
 * worker container against the dev server: a pipeline end to end to DEPLOYED, tini as PID 1, the
 * health check, and a graceful stop on SIGTERM. Host networking: the container reaches the dev
 * server on 127.0.0.1 and nothing leaves the loopback. The home is a bind mount under target/.
 */
class WorkerContainerIT {
  private static final String NAMESPACE = "it-docker";
  private static final String MODEL = "it-docker";
  private static final int IMAGE_UID = 10001;
  private static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private static TemporalDevServer server;
  private static DockerEngine docker;

  @BeforeAll
  static void start() {
    docker = DockerEngine.forTests("WorkerContainerIT");
    assertThat(docker.imageExists(DockerEngine.projectImage()))
        .as("image %s (scripts/build-images.sh) in %s", DockerEngine.projectImage(), docker.host())
        .isTrue();
    server = TemporalDevServer.start("docker", NAMESPACE);
  }

  @AfterAll
  static void stop() {
    if (docker != null) {
      docker.close();
      assertThat(docker.containers(true)).as("containers left after the tests").isEmpty();
    }
    if (server != null) server.close();
  }

  @Test
  void helpRunsTheCliThroughTheEntryPoint() {
    ProcResult help =
        docker.runToEnd(
            DockerRun.of(DockerEngine.projectImage(), "help").noNetwork().command("--help"));
    assertThat(help.exitCode()).as(help.toString()).isZero();
    assertThat(help.out()).as(help.toString()).contains("Usage: tollgate").contains("worker");
  }

  @Test
  void aWorkerContainerRunsThePipelineToDeployedAndStopsOnSigterm() throws IOException {
    Path specs = ItSettings.newWorkDir("docker-specs");
    Path home = ItSettings.newWorkDir("docker-home");
    // The mounted folders' own modes apply inside: the spec folder must be readable by the
    // worker's user, the home writable by it.
    Files.setPosixFilePermissions(specs, PosixFilePermissions.fromString("rwxr-xr-x"));
    int hostUid = (Integer) Files.getAttribute(home, "unix:uid");
    int hostGid = (Integer) Files.getAttribute(home, "unix:gid");
    // The worker runs as the host's user so that the host reads its home; as root, it keeps the
    // image's own non-root user (root reads the home anyway), and gets the folder.
    int uid = hostUid == 0 ? IMAGE_UID : hostUid;
    int gid = hostUid == 0 ? IMAGE_UID : hostGid;
    if (hostUid == 0) Files.setAttribute(home, "unix:uid", IMAGE_UID);
    Path spec = ItSpecs.write(specs, ItSpecs.Spec.quick(MODEL));

    String worker =
        docker.start(
            DockerRun.of(DockerEngine.projectImage(), "worker")
                .user(uid, gid)
                .option("--memory", "3g")
                .env("TEMPORAL_ADDRESS", server.address())
                .env("TEMPORAL_NAMESPACE", NAMESPACE)
                // Host networking: its ports are the host's, so free ones, on loopback only.
                .env("TOLLGATE_HTTP_ADDRESS", "127.0.0.1")
                .env("TOLLGATE_HTTP_PORT", Integer.toString(FreePorts.next()))
                .env("TOLLGATE_MANAGEMENT_PORT", Integer.toString(FreePorts.next()))
                .env("TOLLGATE_DATA_ROOTS", specs.toString())
                .mount(home, "/var/lib/tollgate", true)
                .mount(specs, specs.toString(), false));
    docker.awaitLog(worker, "Tollgate worker ready", Duration.ofMinutes(3));

    // PID 1 is tini, with the JVM as its child; the worker runs as the user asked for.
    String pid1 = docker.must("exec", worker, "cat", "/proc/1/cmdline").replace('\0', ' ');
    assertThat(pid1).startsWith("tini -- java ").contains("/app/tollgate.jar worker");
    assertThat(docker.must("exec", worker, "id", "-u")).isEqualTo(Integer.toString(uid));
    // The image's health check, for the worker role: the management port's /actuator/health.
    ProcResult health = docker.docker("exec", worker, "/app/healthcheck.sh");
    assertThat(health.exitCode()).as(health.toString()).isZero();

    Cli cli = new Cli(server.address(), NAMESPACE);
    Runs runs = new Runs(cli, () -> docker.logs(worker) + "\nServer log: " + server.log());
    ProcResult started = cli.run("run", "--spec", spec.toString(), "--run-id", "r1");
    assertThat(started.exitCode()).as(started.toString()).isZero();
    runs.awaitStage(MODEL + "/r1", "AWAITING_APPROVAL", Duration.ofMinutes(4));
    ProcResult approved = cli.approve(MODEL + "/r1", "alice");
    assertThat(approved.exitCode()).as(approved.toString()).isZero();
    RunStatus done = runs.awaitFinished(MODEL + "/r1", Duration.ofMinutes(2));
    assertThat(done.outcome()).as(done.toString()).startsWith("DEPLOYED " + MODEL + " v1");

    // What the container wrote is on the host, readable there.
    assertThat(new WorkerHome(home).serving(MODEL).path("version").asInt()).isEqualTo(1);
    assertThat(new RegistryView(cli).versionStages(MODEL)).containsExactly("PRODUCTION");

    // The image's HEALTHCHECK as Docker runs it (every 30 s): healthy by now.
    Await.until(
        "the container's health status healthy",
        Duration.ofSeconds(90),
        () -> docker.inspect(worker, "{{.State.Health.Status}}"),
        "healthy"::equals,
        () -> docker.inspect(worker, "{{json .State.Health}}"));

    // docker stop: SIGTERM to tini, forwarded to the JVM, which stops the worker and exits 143
    // (128 + SIGTERM) well within the grace; 137 would mean Docker had to SIGKILL it.
    Instant signalled = Instant.now();
    docker.must("stop", "--time", Long.toString(STOP_GRACE.toSeconds()), worker);
    Duration took = Duration.between(signalled, Instant.now());
    String log = docker.logs(worker);
    assertThat(docker.inspect(worker, "{{.State.ExitCode}}")).as(log).isEqualTo("143");
    assertThat(took).as(log).isLessThan(STOP_GRACE.minusSeconds(10));
    assertThat(log).contains("tollgate worker: stopped by SIGTERM");
    assertThat(docker.containers(false)).as("running containers after docker stop").isEmpty();
  }
}
