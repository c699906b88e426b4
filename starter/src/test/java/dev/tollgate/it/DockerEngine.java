package dev.tollgate.it;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The tests' Docker daemon, through the {@code docker} CLI first on PATH. Which daemon: the system
 * property {@code tollgate.docker.host} (scripts/test.sh passes the private daemon that
 * scripts/start-dockerd.sh starts), else the environment's DOCKER_HOST; none fails with how to get
 * one. Every container it starts carries the label {@value #LABEL} and {@code
 * dev.tollgate.it.owner=<owner>}, so a test lists what it left; {@link #close()} saves each one's
 * log to target/it-logs/ and removes them all (call it in {@code @AfterAll} or {@code @AfterEach}).
 */
final class DockerEngine implements AutoCloseable {
  static final String LABEL = "dev.tollgate.it";
  private static final Duration TIMEOUT = Duration.ofMinutes(2);

  private final String host;
  private final String owner;

  private DockerEngine(String host, String owner) {
    this.host = host;
    this.owner = owner;
  }

  /** The tests' daemon, for the containers of {@code owner} (a test class's simple name). */
  static DockerEngine forTests(String owner) {
    DockerEngine engine = new DockerEngine(requiredHost(), owner);
    ProcResult version = engine.docker("version", "--format", "{{.Server.Version}}");
    if (version.exitCode() != 0) {
      throw new IllegalStateException(
          "no Docker daemon answers at " + engine.host + ": " + version);
    }
    return engine;
  }

  /**
   * The tests' daemon: -Dtollgate.docker.host, else DOCKER_HOST. None is a failure, never a skip:
   * the test command always starts one.
   */
  static String requiredHost() {
    String host = setting("tollgate.docker.host", "DOCKER_HOST");
    if (host == null) {
      throw new IllegalStateException(
          "The container tests need a Docker daemon: neither -Dtollgate.docker.host nor"
              + " DOCKER_HOST is set. Run scripts/test.sh, which starts a private one, or"
              + " export DOCKER_HOST=$(scripts/start-dockerd.sh target/docker).");
    }
    return host;
  }

  /** An image the test command built (tollgate.it.*-image), else its environment variable. */
  static String image(String property, String env, String fallback) {
    String image = setting(property, env);
    return image == null ? fallback : image;
  }

  /** The project image (docker/Dockerfile): tollgate.it.image, else TOLLGATE_IT_IMAGE. */
  static String projectImage() {
    return image("tollgate.it.image", "TOLLGATE_IT_IMAGE", "tollgate:test");
  }

  String host() {
    return host;
  }

  /** Runs {@code docker ARGS} against this daemon to its end. */
  ProcResult docker(String... args) {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(Arrays.asList(args));
    return Commands.run(command, Map.of("DOCKER_HOST", host), TIMEOUT);
  }

  /** The same, failing the test unless it exits 0; returns its stdout, stripped. */
  String must(String... args) {
    ProcResult result = docker(args);
    if (result.exitCode() != 0) throw new AssertionError("docker failed: " + result);
    return result.out().strip();
  }

  boolean imageExists(String image) {
    return docker("image", "inspect", "--format", "{{.Id}}", image).exitCode() == 0;
  }

  /** Starts a container in the background; returns its id. */
  String start(DockerRun run) {
    List<String> args = new ArrayList<>(List.of("run", "-d", "--name", containerName(run)));
    args.addAll(List.of("--label", LABEL + "=true", "--label", LABEL + ".owner=" + owner));
    args.addAll(run.arguments());
    return must(args.toArray(String[]::new));
  }

  /** Runs a container to its end ({@code docker run --rm}, labelled) and returns how it went. */
  ProcResult runToEnd(DockerRun run) {
    List<String> args = new ArrayList<>(List.of("run", "--rm", "--name", containerName(run)));
    args.addAll(List.of("--label", LABEL + "=true", "--label", LABEL + ".owner=" + owner));
    args.addAll(run.arguments());
    return docker(args.toArray(String[]::new));
  }

  /** The name a run gets: owner and the run's own name, so logs and {@code docker ps} say whose. */
  String containerName(DockerRun run) {
    return "it-" + owner.toLowerCase(java.util.Locale.ROOT) + "-" + run.name();
  }

  /** The ids of this owner's containers: running ones, or all (exited ones too). */
  List<String> containers(boolean all) {
    List<String> args = new ArrayList<>(List.of("ps", "-q", "--no-trunc"));
    if (all) args.add("--all");
    args.addAll(List.of("--filter", "label=" + LABEL + ".owner=" + owner));
    return must(args.toArray(String[]::new)).lines().filter(l -> !l.isBlank()).toList();
  }

  /** {@code docker inspect --format FORMAT}, e.g. {@code {{.State.ExitCode}}}. */
  String inspect(String container, String format) {
    return must("inspect", "--format", format, container);
  }

  /** Its output so far, stdout and stderr together. */
  String logs(String container) {
    ProcResult logs = docker("logs", container);
    return logs.out() + logs.err();
  }

  /** Waits until its log contains {@code text}; fails early if the container stops. */
  void awaitLog(String container, String text, Duration timeout) {
    Await.until(
        text + " in the log of container " + container,
        timeout,
        () -> logs(container),
        log -> {
          if (log.contains(text)) return true;
          if (!"true".equals(inspect(container, "{{.State.Running}}"))) {
            throw new AssertionError("container " + container + " stopped:\n" + log);
          }
          return false;
        },
        () -> "");
  }

  /** Saves every container's log to target/it-logs/, then removes them (running ones killed). */
  @Override
  public void close() {
    for (String id : containers(true)) {
      String name = inspect(id, "{{.Name}}").replaceFirst("^/", "");
      try {
        Files.writeString(ItSettings.logDir().resolve("container-" + name + ".log"), logs(id));
      } catch (java.io.IOException e) {
        // The log is a convenience; removing the container matters more.
      }
      docker("rm", "--force", "--volumes", id);
    }
  }

  private static String setting(String property, String env) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank() || value.startsWith("${")) value = System.getenv(env);
    return value == null || value.isBlank() ? null : value;
  }
}
