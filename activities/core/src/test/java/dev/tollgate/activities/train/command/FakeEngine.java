package dev.tollgate.activities.train.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ContainerEngine} for the runner's tests: the "container" is a local sh script run with
 * the launch's mounts mapped back to the run folder (so a script can write the model), and every
 * call is recorded.
 */
final class FakeEngine implements ContainerEngine {
  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  final Map<String, Image> images = new ConcurrentHashMap<>();
  final Map<String, Process> started = new ConcurrentHashMap<>();
  volatile ContainerLaunch launched;
  volatile String envFileText;
  volatile EngineException failNext;

  /** The script the container runs; it gets $MODEL and $OUTPUT (the mounted run folders). */
  volatile String script = "exit 0";

  volatile Exit exit;

  @Override
  public String endpoint() {
    return "unix:///fake.sock (DOCKER_HOST)";
  }

  @Override
  public Optional<Image> image(String reference) throws EngineException {
    calls.add("image " + reference);
    fail();
    return Optional.ofNullable(images.get(reference));
  }

  @Override
  public void pull(String reference, Duration timeout) throws EngineException {
    calls.add("pull " + reference);
    throw new EngineException(EngineException.Kind.NO_SUCH_IMAGE, "pull access denied");
  }

  @Override
  public void create(ContainerLaunch launch) throws EngineException {
    calls.add("create " + launch.name());
    fail();
    launched = launch;
    try {
      envFileText = Files.readString(launch.envFile());
    } catch (IOException e) {
      throw new EngineException(EngineException.Kind.REFUSED, e.toString());
    }
  }

  @Override
  public Process startAttached(String name) throws EngineException {
    calls.add("start " + name);
    Path model = mount("/opt/ml/model");
    Path output = mount("/opt/ml/output");
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", script);
    pb.environment().put("MODEL", model.toString());
    pb.environment().put("OUTPUT", output.toString());
    try {
      Process p = pb.start();
      started.put(name, p);
      return p;
    } catch (IOException e) {
      throw new EngineException(EngineException.Kind.REFUSED, e.toString());
    }
  }

  @Override
  public Exit exit(String name) {
    calls.add("exit " + name);
    return exit != null ? exit : new Exit(started.get(name).exitValue(), false, "");
  }

  @Override
  public void stop(String name, Duration grace) {
    calls.add("stop " + name);
    Process p = started.get(name);
    if (p != null) p.destroyForcibly();
  }

  @Override
  public void remove(String name) throws EngineException {
    calls.add("remove " + name);
  }

  @Override
  public List<String> removeLabelled(String label, String value) {
    calls.add("removeLabelled " + label + "=" + value);
    return List.of();
  }

  private Path mount(String target) {
    return launched.mounts().stream()
        .filter(m -> m.target().equals(target))
        .findFirst()
        .orElseThrow()
        .source();
  }

  private void fail() throws EngineException {
    EngineException e = failNext;
    if (e != null) {
      failNext = null;
      throw e;
    }
  }
}
