package dev.tollgate.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options of one {@code docker run -d}: an image, its command, its environment and mounts.
 * Tests use host networking (every byte on the loopback; the test daemon has no bridge) unless they
 * ask for none. {@link DockerEngine#start} adds the tests' labels and a name of its own.
 */
final class DockerRun {
  private final String image;
  private final String name;
  private final List<String> options = new ArrayList<>(List.of("--network", "host"));
  private final List<String> command = new ArrayList<>();

  private DockerRun(String image, String name) {
    this.image = image;
    this.name = name;
  }

  /** A container of {@code image}; {@code name} is the container's name's suffix, for logs. */
  static DockerRun of(String image, String name) {
    return new DockerRun(image, name);
  }

  String name() {
    return name;
  }

  /** No network at all instead of the host's. */
  DockerRun noNetwork() {
    options.set(options.indexOf("host"), "none");
    return this;
  }

  DockerRun env(String key, String value) {
    options.addAll(List.of("--env", key + "=" + value));
    return this;
  }

  /** A bind mount of a host folder; read-only unless {@code writable}. */
  DockerRun mount(Path host, String container, boolean writable) {
    options.addAll(
        List.of("--volume", host.toAbsolutePath() + ":" + container + (writable ? "" : ":ro")));
    return this;
  }

  /** {@code --user UID:GID}, e.g. the host user's, so that the host can read what it writes. */
  DockerRun user(int uid, int gid) {
    options.addAll(List.of("--user", uid + ":" + gid));
    return this;
  }

  /** Any other {@code docker run} option, e.g. {@code --memory 2g}. */
  DockerRun option(String... more) {
    options.addAll(List.of(more));
    return this;
  }

  /** The command after the image (the image's CMD when none is given): {@code serve --env ...}. */
  DockerRun command(String... args) {
    command.addAll(List.of(args));
    return this;
  }

  /** The arguments after {@code docker run -d --name N --label ...}. */
  List<String> arguments() {
    List<String> all = new ArrayList<>(options);
    all.add(image);
    all.addAll(command);
    return all;
  }
}
