package dev.tollgate.activities.train.ray;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before submitting: a job asking more entrypoint CPUs or GPUs than any alive node has would stay
 * PENDING in Ray for as long as the head's start timeout (15 minutes by default) — it fails at once
 * instead, naming the largest node. A cluster whose state API refuses is not checked.
 */
final class RayPreflight {
  private static final Logger log = LoggerFactory.getLogger(RayPreflight.class);

  private RayPreflight() {}

  /** The reason the job cannot run on this cluster, or {@code null}. */
  static String check(RayCalls calls, RayJobs jobs, RayPolicy.Resolved job)
      throws RayException, RayCalls.Stopped, InterruptedException {
    if (job.numCpus() == null && job.numGpus() == null) return null;
    List<RayJobs.Node> nodes;
    try {
      nodes = calls.call("nodes", jobs::nodes);
    } catch (RayException e) {
      if (e.kind() == RayException.Kind.UNREACHABLE) throw e;
      log.warn(
          "Ray cluster {} did not list its nodes; no preflight: {}",
          jobs.address(),
          e.getMessage());
      return null;
    }
    String cpus = tooMuch("entrypoint_num_cpus", "CPU", job.numCpus(), nodes, jobs.address());
    return cpus != null
        ? cpus
        : tooMuch("entrypoint_num_gpus", "GPU", job.numGpus(), nodes, jobs.address());
  }

  private static String tooMuch(
      String key, String resource, Double asked, List<RayJobs.Node> nodes, String address) {
    if (asked == null || asked <= 0) return null;
    double largest =
        nodes.stream()
            .filter(RayJobs.Node::alive)
            .mapToDouble(n -> n.resources().getOrDefault(resource, 0.0))
            .max()
            .orElse(0);
    if (asked <= largest) return null;
    return "training."
        + key
        + ": "
        + RayPolicy.plain(asked)
        + " is more than any alive node of the Ray cluster at "
        + address
        + " has (the largest has "
        + RayPolicy.plain(largest)
        + " "
        + resource
        + "); Ray would keep the job waiting";
  }
}
