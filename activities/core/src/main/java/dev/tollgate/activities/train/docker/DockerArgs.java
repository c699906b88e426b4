package dev.tollgate.activities.train.docker;

import dev.tollgate.activities.train.command.ContainerLaunch;
import dev.tollgate.activities.train.command.ContainerPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code docker create} arguments of a training container. No value of the contract's
 * environment is on the command line (they are in the env file); the container has no capabilities,
 * cannot gain privileges, keeps no log of its own (the runner streams and keeps the output; a
 * second copy in the daemon's data root would grow with the output), and gets no swap beyond its
 * memory limit, so a limit is a limit.
 */
final class DockerArgs {
  private DockerArgs() {}

  static List<String> create(ContainerLaunch launch) {
    List<String> a = new ArrayList<>();
    a.add("create");
    a.add("--name");
    a.add(launch.name());
    for (Map.Entry<String, String> label : launch.labels().entrySet()) {
      a.add("--label");
      a.add(label.getKey() + "=" + label.getValue());
    }
    a.add("--user");
    a.add(launch.user());
    a.add("--env-file");
    a.add(launch.envFile().toString());
    for (ContainerLaunch.Mount m : launch.mounts()) {
      a.add("--mount");
      a.add(mount(m));
    }
    ContainerPolicy.Limits limits = launch.limits();
    a.add("--network");
    a.add(limits.network());
    if (limits.cpus() != null) {
      a.add("--cpus");
      a.add(cpus(limits.cpus()));
    }
    if (limits.memoryBytes() != null) {
      a.add("--memory");
      a.add(limits.memoryBytes() + "b");
      a.add("--memory-swap");
      a.add(limits.memoryBytes() + "b");
    }
    if (limits.gpus() != null) {
      a.add("--gpus");
      a.add(limits.gpus());
    }
    a.addAll(List.of("--cap-drop", "ALL", "--security-opt", "no-new-privileges"));
    a.addAll(List.of("--log-driver", "none"));
    // argv is the whole command (the spec's, or the image's ENTRYPOINT and CMD, then the params):
    // its first word becomes the entry point, which also clears the image's CMD.
    a.add("--entrypoint");
    a.add(launch.argv().get(0));
    a.add(launch.image());
    a.addAll(launch.argv().subList(1, launch.argv().size()));
    return a;
  }

  /**
   * {@code type=bind,"source=<path>",target=<path>[,readonly]}: docker reads --mount as CSV, so the
   * host path is quoted (a comma in a worker's home would otherwise split it).
   */
  static String mount(ContainerLaunch.Mount m) {
    String source = "source=" + m.source().toAbsolutePath();
    return "type=bind,\""
        + source.replace("\"", "\"\"")
        + "\",target="
        + m.target()
        + (m.readOnly() ? ",readonly" : "");
  }

  private static String cpus(double cpus) {
    return cpus == Math.rint(cpus) ? Long.toString((long) cpus) : Double.toString(cpus);
  }
}
