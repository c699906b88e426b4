package dev.tollgate.activities.train.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.activities.train.command.ContainerEngine;
import dev.tollgate.activities.train.command.ContainerLaunch;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ContainerEngine} through the {@code docker} CLI (no SDK: the CLI is what operators have,
 * and it speaks to any daemon version through API negotiation). A container is created, started
 * attached and inspected after it exits (not {@code docker run --rm}): only the exited container's
 * state tells the command's own exit code from docker's 125–127 and says whether it was OOM-killed;
 * the runner removes it itself afterwards.
 */
public final class DockerCli implements ContainerEngine {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the docker client needs of the worker's environment (its daemon, its TLS, its config). */
  private static final Set<String> CLIENT_ENV =
      Set.of(
          "PATH",
          "HOME",
          "DOCKER_HOST",
          "DOCKER_CONTEXT",
          "DOCKER_CONFIG",
          "DOCKER_CERT_PATH",
          "DOCKER_TLS_VERIFY",
          "DOCKER_API_VERSION");

  private final String docker;
  private final Map<String, String> clientEnv;
  private final Duration callTimeout;
  private final DockerCalls calls;

  /**
   * @param docker the docker CLI (a path, or a name found on the worker's PATH)
   * @param dockerHost the daemon, as DOCKER_HOST takes it; empty: the worker's DOCKER_HOST, else
   *     docker's default socket
   * @param callTimeout the most one short call (inspect, create, rm) may take
   */
  public DockerCli(
      String docker, String dockerHost, Map<String, String> workerEnv, Duration callTimeout) {
    this.docker = docker;
    Map<String, String> env = new java.util.TreeMap<>();
    workerEnv.forEach(
        (k, v) -> {
          if (CLIENT_ENV.contains(k)) env.put(k, v);
        });
    if (dockerHost != null && !dockerHost.isBlank()) env.put("DOCKER_HOST", dockerHost.strip());
    this.clientEnv = Map.copyOf(env);
    this.callTimeout = callTimeout;
    this.calls = new DockerCalls(docker, clientEnv);
  }

  /** The CLI's path on {@code path} (a name is looked up there); empty when it is not there. */
  public static Optional<String> find(String docker, String path) {
    if (docker.contains("/")) {
      return new File(docker).canExecute() ? Optional.of(docker) : Optional.empty();
    }
    for (String dir : (path == null ? "" : path).split(":")) {
      File f = new File(dir.isEmpty() ? "." : dir, docker);
      if (f.isFile() && f.canExecute()) return Optional.of(f.getAbsolutePath());
    }
    return Optional.empty();
  }

  @Override
  public String endpoint() {
    String host = clientEnv.get("DOCKER_HOST");
    return host != null
        ? host + " (DOCKER_HOST)"
        : "unix:///var/run/docker.sock (docker's default; set DOCKER_HOST or"
            + " tollgate.training.containers.docker-host)";
  }

  @Override
  public Optional<Image> image(String reference) throws EngineException {
    DockerCalls.Result r = calls.run(List.of("image", "inspect", "--", reference), callTimeout);
    if (r.code() != 0) {
      EngineException e = DockerErrors.classify(r.stderr());
      if (e.kind() == EngineException.Kind.NO_SUCH_IMAGE) return Optional.empty();
      throw e;
    }
    try {
      JsonNode image = JSON.readTree(r.stdout()).path(0);
      JsonNode config = image.path("Config");
      return Optional.of(
          new Image(
              image.path("Id").asText(),
              words(config.path("Entrypoint")),
              words(config.path("Cmd"))));
    } catch (IOException e) {
      throw new EngineException(EngineException.Kind.REFUSED, "docker image inspect: not JSON");
    }
  }

  @Override
  public void pull(String reference, Duration timeout) throws EngineException {
    DockerCalls.Result r = calls.run(List.of("pull", "--quiet", "--", reference), timeout);
    if (r.code() != 0) throw DockerErrors.classify(r.stderr());
  }

  @Override
  public void create(ContainerLaunch launch) throws EngineException {
    DockerCalls.Result r = calls.run(DockerArgs.create(launch), callTimeout);
    if (r.code() != 0) throw DockerErrors.classify(r.stderr());
  }

  @Override
  public Process startAttached(String name) throws EngineException {
    return calls.start(List.of("start", "--attach", name));
  }

  @Override
  public Exit exit(String name) throws EngineException {
    DockerCalls.Result r = calls.run(List.of("container", "inspect", "--", name), callTimeout);
    if (r.code() != 0) throw DockerErrors.classify(r.stderr());
    try {
      JsonNode state = JSON.readTree(r.stdout()).path(0).path("State");
      if (state.path("Running").asBoolean(false)) {
        // the attached client ended (killed, lost its connection) while the container runs on:
        // its exit is unknown, and the runner removes it; another attempt starts afresh
        throw new EngineException(
            EngineException.Kind.UNREACHABLE,
            "the docker client attached to " + name + " ended while the container still ran");
      }
      return new Exit(
          state.path("ExitCode").asInt(-1),
          state.path("OOMKilled").asBoolean(false),
          state.path("Error").asText(""));
    } catch (IOException e) {
      throw new EngineException(EngineException.Kind.REFUSED, "docker container inspect: not JSON");
    }
  }

  @Override
  public void stop(String name, Duration grace) throws EngineException, InterruptedException {
    long seconds = Math.max(0, (grace.toMillis() + 999) / 1000);
    DockerCalls.Result r =
        calls.run(
            List.of("stop", "--time", Long.toString(seconds), name),
            callTimeout.plusSeconds(seconds));
    if (Thread.interrupted()) throw new InterruptedException();
    if (r.code() != 0
        && !r.stderr().toLowerCase(java.util.Locale.ROOT).contains("no such container")) {
      throw DockerErrors.classify(r.stderr());
    }
  }

  @Override
  public void remove(String name) throws EngineException {
    DockerCalls.Result r = calls.run(List.of("rm", "--force", "--volumes", name), callTimeout);
    if (r.code() != 0
        && !r.stderr().toLowerCase(java.util.Locale.ROOT).contains("no such container")) {
      throw DockerErrors.classify(r.stderr());
    }
  }

  @Override
  public List<String> removeLabelled(String label, String value) throws EngineException {
    DockerCalls.Result r =
        calls.run(
            List.of(
                "ps",
                "--all",
                "--filter",
                "label=" + label + "=" + value,
                "--format",
                "{{.Names}}"),
            callTimeout);
    if (r.code() != 0) throw DockerErrors.classify(r.stderr());
    List<String> names = new ArrayList<>();
    for (String line : r.stdout().split("\n")) {
      if (!line.isBlank()) names.add(line.strip());
    }
    for (String name : names) remove(name);
    return names;
  }

  private static List<String> words(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) array.forEach(w -> out.add(w.asText()));
    return out;
  }

  @Override
  public String toString() {
    return docker + " → " + endpoint();
  }
}
