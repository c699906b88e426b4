package dev.tollgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Docker daemon and training image the training-container tests use: the daemon of {@link
 * DockerEngine#requiredHost} (the test command starts a private one; none is a failure), and {@code
 * -Dtollgate.it.training-image} / TOLLGATE_IT_TRAINING_IMAGE, which scripts/build-images.sh builds
 * (scripts/build-training-image.sh) and the starter's {@code it} profile names.
 */
final class DockerForTests {
  private DockerForTests() {}

  /** The daemon's address (DOCKER_HOST form). */
  static String host() {
    return DockerEngine.requiredHost();
  }

  /** The churn example's training image. */
  static String trainingImage() {
    return DockerEngine.image(
        "tollgate.it.training-image",
        "TOLLGATE_IT_TRAINING_IMAGE",
        "tollgate-test/churn-trainer:test");
  }

  /** Names of the containers (running or not) labelled {@code label=value}. */
  static List<String> containers(String label, String value) {
    String out =
        docker("ps", "--all", "--filter", "label=" + label + "=" + value, "--format", "{{.Names}}");
    return Arrays.stream(out.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Removes every container labelled {@code label=value}: what a test made, whatever happened. */
  static void removeAll(String label, String value) {
    List<String> names = containers(label, value);
    if (names.isEmpty()) return;
    List<String> args = new ArrayList<>(List.of("rm", "--force"));
    args.addAll(names);
    docker(args.toArray(String[]::new));
  }

  static String docker(String... args) {
    List<String> argv = new ArrayList<>(List.of("docker"));
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
    pb.environment().put("DOCKER_HOST", host());
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("docker " + String.join(" ", args) + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
