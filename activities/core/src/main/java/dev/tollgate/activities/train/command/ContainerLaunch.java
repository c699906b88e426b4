package dev.tollgate.activities.train.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training container as the runner asks the engine to create it: engine-neutral, so the Docker
 * adapter only turns it into a command line.
 *
 * @param name deterministic from the run and attempt ({@link ContainerNames})
 * @param image the image's id, so the container runs exactly the image that was inspected
 * @param argv the full command, entry point first (the image's ENTRYPOINT and CMD already merged)
 * @param envFile a file of {@code NAME=value} lines in the run folder (values never on a command
 *     line, where {@code ps} shows them)
 * @param mounts the run folder's parts at the contract's container paths
 * @param user {@code uid:gid} of the worker, so the worker can read and remove what it writes
 * @param labels the worker's, the run's and the attempt's, so leftovers can be found
 * @param limits what the worker allows of what the spec asks
 */
public record ContainerLaunch(
    String name,
    String image,
    List<String> argv,
    Path envFile,
    List<Mount> mounts,
    String user,
    Map<String, String> labels,
    ContainerPolicy.Limits limits) {

  public ContainerLaunch {
    argv = List.copyOf(argv);
    if (argv.isEmpty()) throw new IllegalArgumentException("a container needs a command");
    mounts = List.copyOf(mounts);
    labels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
  }

  /** A host folder at {@code target} in the container. */
  public record Mount(Path source, String target, boolean readOnly) {}
}
