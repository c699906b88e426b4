package dev.tollgate.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Docker daemon and training image the container tests use, from system properties or the
 * environment (the test scripts start a daemon of their own and build the image into it; the tests
 * never pick a daemon themselves): {@code -Dtollgate.it.docker-host} / TOLLGATE_IT_DOCKER_HOST, and
 * {@code -Dtollgate.it.training-image} / TOLLGATE_IT_TRAINING_IMAGE
 * (scripts/build-training-image.sh prints it).
 */
final class DockerForTests {
  private DockerForTests() {}

  /** The daemon's address (DOCKER_HOST form), or null when the run was not given one. */
  static String host() {
    return setting("tollgate.it.docker-host", "TOLLGATE_IT_DOCKER_HOST");
  }

  /** The churn example's training image, or null. */
  static String trainingImage() {
    return setting("tollgate.it.training-image", "TOLLGATE_IT_TRAINING_IMAGE");
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

  private static String setting(String property, String env) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) v = System.getenv(env);
    return v == null || v.isBlank() ? null : v.strip();
  }
}
